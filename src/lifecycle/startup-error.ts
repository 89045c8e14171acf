/** A start-up failure the operator can fix; its message is one sentence naming the problem. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
