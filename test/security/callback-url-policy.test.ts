import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCallbackUrlPolicy } from '../../src/security/callback-urls.js';

/**
 * The callback-URL policy (src/security/callback-urls.ts) compares hosts AND ports, with a URL
 * without a port read as its scheme's default (http 80, https 443) on both sides: WHATWG URL drops
 * default ports from `host` and `port`, so comparing `url.host` alone let the gateway's own host
 * through on every port (`http://gw.example.com:6379/` — a Redis beside the gateway) and made a
 * `host:443` entry match nothing.
 */
const DEFAULT_PORT = { http: 80, https: 443 } as const;
const scheme = fc.constantFrom('http', 'https') as fc.Arbitrary<keyof typeof DEFAULT_PORT>;
const port = fc.integer({ min: 1, max: 65535 });
const path = fc.constantFrom('/', '/containers', '/webhooks/mastercard/reports/x?token=t', '');

describe("the gateway's own origin (PUBLIC_BASE_URL)", () => {
  it('is allowed on its own port only, never on another port of the same host', () => {
    fc.assert(
      fc.property(fc.domain(), scheme, fc.option(port, { nil: undefined }), scheme, port, path, (host, ownScheme, ownPort, urlScheme, urlPort, tail) => {
        const own = `${ownScheme}://${host}${ownPort === undefined ? '' : `:${ownPort}`}`;
        const allowed = createCallbackUrlPolicy([], () => own);
        const ownEffective = ownPort ?? DEFAULT_PORT[ownScheme];
        expect(allowed(`${urlScheme}://${host}:${urlPort}${tail}`)).toBe(urlPort === ownEffective);
        // Without a port the URL reaches its scheme's default.
        expect(allowed(`${urlScheme}://${host}${tail}`)).toBe(DEFAULT_PORT[urlScheme] === ownEffective);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ['http://gw.example.com:6379/', false],
    ['http://gw.example.com:2375/containers', false],
    ['https://gw.example.com:8443/x', false],
    ['http://gw.example.com/x', false],
    ['https://gw.example.com/webhooks/x', true],
    ['https://GW.Example.com:443/webhooks/x', true],
    ['https://other.example.com/x', false],
  ])('with PUBLIC_BASE_URL=https://gw.example.com: %s is %s', (url, expected) => {
    expect(createCallbackUrlPolicy([], () => 'https://gw.example.com')(url)).toBe(expected);
  });

  it('follows the listen address on the sandbox (http with a port)', () => {
    const allowed = createCallbackUrlPolicy([], () => 'http://127.0.0.1:4123');
    expect(allowed('http://127.0.0.1:4123/webhooks/mastercard/connect')).toBe(true);
    expect(allowed('http://127.0.0.1:6379/')).toBe(false);
    expect(allowed('http://127.0.0.1/')).toBe(false);
  });
});

describe('REPORT_CALLBACK_HOSTS entries', () => {
  it('`host:port` matches that port, a URL without a port meaning its scheme default (both sides normalised)', () => {
    fc.assert(
      fc.property(fc.domain(), port, scheme, fc.option(port, { nil: undefined }), path, (host, entryPort, urlScheme, urlPort, tail) => {
        const allowed = createCallbackUrlPolicy([`${host}:${entryPort}`], () => undefined);
        const effective = urlPort ?? DEFAULT_PORT[urlScheme];
        expect(allowed(`${urlScheme}://${host}${urlPort === undefined ? '' : `:${urlPort}`}${tail}`)).toBe(effective === entryPort);
      }),
      { numRuns: 500 },
    );
  });

  it('`hooks.example.com:443` allows https with and without :443, and nothing else', () => {
    const allowed = createCallbackUrlPolicy(['hooks.example.com:443'], () => undefined);
    expect(allowed('https://hooks.example.com/x')).toBe(true);
    expect(allowed('https://hooks.example.com:443/x')).toBe(true);
    expect(allowed('http://hooks.example.com/x')).toBe(false);
    expect(allowed('https://hooks.example.com:8443/x')).toBe(false);
    expect(allowed('https://evil.example.com/x')).toBe(false);
  });

  it('`host:80` allows plain http without a port; entries are case-insensitive', () => {
    const allowed = createCallbackUrlPolicy(['Hooks.Example.COM:80'], () => undefined);
    expect(allowed('http://hooks.example.com/x')).toBe(true);
    expect(allowed('HTTP://HOOKS.example.com:80/x')).toBe(true);
    expect(allowed('https://hooks.example.com/x')).toBe(false);
  });

  it('a bare `host` keeps its documented meaning: that host on any port, no other host', () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), scheme, fc.option(port, { nil: undefined }), (host, other, urlScheme, urlPort) => {
        const allowed = createCallbackUrlPolicy([host], () => undefined);
        const portPart = urlPort === undefined ? '' : `:${urlPort}`;
        expect(allowed(`${urlScheme}://${host}${portPart}/x`)).toBe(true);
        expect(allowed(`${urlScheme}://${other}${portPart}/x`)).toBe(new URL(`http://${other}`).hostname === new URL(`http://${host}`).hostname);
      }),
      { numRuns: 300 },
    );
  });

  it('IPv6 entries in brackets, and entries that are not hosts match nothing', () => {
    expect(createCallbackUrlPolicy(['[::1]:8080'], () => undefined)('http://[::1]:8080/x')).toBe(true);
    expect(createCallbackUrlPolicy(['[::1]:8080'], () => undefined)('http://[::1]:8081/x')).toBe(false);
    expect(createCallbackUrlPolicy(['[::1]'], () => undefined)('http://[::1]:9/x')).toBe(true);
    for (const entry of ['', ':443', 'hooks.example.com:99999', 'https://hooks.example.com', 'a@hooks.example.com']) {
      expect(createCallbackUrlPolicy([entry], () => undefined)('https://hooks.example.com/x')).toBe(false);
    }
  });
});
