import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';

/** The body passed `maxBytes`: reading stopped there and the connection was dropped. */
export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`upstream body exceeded ${maxBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** An upstream answer read whole: status, headers and the body's bytes. */
export interface WholeResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const abortReason = (signal: AbortSignal): Error => (signal.reason instanceof Error ? signal.reason : new Error('upstream call aborted'));

/**
 * One HTTP exchange through undici's dispatcher, the body collected as it arrives into one Buffer —
 * no stream, no async iterator, one promise per call (issue 17: the reference query makes 41) — at
 * most `maxBytes` of it: a declared `content-length` over the cap is refused before reading, and a
 * body that grows past it (chunked, or lying about its length) is cut at the chunk that crosses it,
 * dropping the connection, so one provider cannot fill the gateway's memory. `signal` aborts the
 * exchange at any point (queued, waiting for headers, reading the body).
 * Rejects with {@link BodyTooLargeError}, the signal's reason, or undici's own errors (connect,
 * headers and body timeouts: `UND_ERR_*` codes).
 */
export function requestWhole(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: AbortSignal, maxBytes: number): Promise<WholeResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    let controller: Dispatcher.DispatchController | undefined;
    let statusCode = 0;
    let headers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = (): void => controller?.abort(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(started) {
        controller = started;
        if (signal.aborted) started.abort(abortReason(signal));
      },
      onResponseStart(started, status, received) {
        // 1xx informational answers are not the response.
        if (status < 200) return;
        statusCode = status;
        headers = received;
        const length = received['content-length'];
        const declared = Number(Array.isArray(length) ? length[0] : length);
        if (Number.isFinite(declared) && declared > maxBytes) started.abort(new BodyTooLargeError(maxBytes));
      },
      onResponseData(started, chunk) {
        size += chunk.length;
        if (size > maxBytes) started.abort(new BodyTooLargeError(maxBytes));
        else chunks.push(chunk);
      },
      onResponseEnd() {
        settle();
        // Most bodies arrive in one chunk: kept as it is, without a copy.
        resolve({ statusCode, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
      },
      onResponseError(_controller, error) {
        settle();
        reject(error);
      },
    };
    try {
      dispatcher.dispatch(options, handler);
    } catch (error) {
      settle();
      reject(error);
    }
  });
}
