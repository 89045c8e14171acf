export interface RouteEntry {
  /** Upper-case HTTP methods of the route (`GET` implies `HEAD`: fastify answers HEAD for GET routes). */
  methods: readonly string[];
  /** fastify URL pattern: `/graphql`, `/webhooks/mastercard/reports/:token`, `/sandbox/*`. */
  url: string;
}

export interface RouteTable {
  add(method: string | readonly string[], url: string): void;
  /** Every route, in the order it was added. */
  routes(): readonly RouteEntry[];
  /**
   * The methods some route answers at `path`, sorted; empty when no route (other than a catch-all
   * `OPTIONS`, as CORS pre-flight adds) matches it — then the path does not exist (404, not 405).
   */
  methodsAt(path: string): string[];
}

/** `:param` matches one segment, `*` the rest; everything else literally (fastify's router rules). */
function patternOf(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+(?:\([^)]*\))?|\*)/)
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** The server's routes as fastify's `onRoute` hook reports them, for 405 answers and the error-surface test. */
export function createRouteTable(): RouteTable {
  const entries: Array<RouteEntry & { pattern: RegExp }> = [];
  return {
    add(method, url) {
      const methods = (Array.isArray(method) ? method : [method]).map((m: string) => m.toUpperCase());
      if (methods.includes('GET') && !methods.includes('HEAD')) methods.push('HEAD');
      entries.push({ methods, url, pattern: patternOf(url) });
    },
    routes: () => entries.map(({ methods, url }) => ({ methods, url })),
    methodsAt(path) {
      const matching = entries.filter((entry) => entry.pattern.test(path));
      if (!matching.some((entry) => entry.methods.some((method) => method !== 'OPTIONS'))) return [];
      return [...new Set(matching.flatMap((entry) => entry.methods))].sort();
    },
  };
}
