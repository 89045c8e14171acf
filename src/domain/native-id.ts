import { GatewayError } from './errors.js';

/**
 * What no native id or scope value may be, for any provider, because it is put into an upstream
 * URL path (issue 11, item 7): empty, a dot segment (`.`, `..`, which servers and proxies resolve
 * to a parent path), a path or query separator (`/`, `\`, `?`, `#`), a percent escape (decoded
 * by some servers into one of those) or a control character, or longer than 256.
 * Each provider's own id shape is checked on top of this where its paths are built
 * (`src/providers/<provider>/ids.ts`).
 */
const UNSAFE = /[/\\?#%\p{Cc}]/u;

export function isSafePathSegment(value: string): boolean {
  return value.length > 0 && value.length <= 256 && !/^\.+$/.test(value) && !UNSAFE.test(value);
}

/** `value`, or BAD_USER_INPUT naming `field` (never echoing the value: it may be anything). */
export function safePathSegment(value: string, field: string): string {
  if (!isSafePathSegment(value)) {
    throw new GatewayError('BAD_USER_INPUT', `${field} is not a valid identifier: dot segments, separators and escapes are refused`, { field });
  }
  return value;
}

/**
 * A provider's id shape (`src/providers/<provider>/ids.ts`): the generic rule above plus its own
 * pattern, applied where the provider builds a path; returns the encoded segment.
 */
export function pathSegmentMatching(pattern: RegExp, provider: string) {
  return (value: string, field = 'id'): string => {
    safePathSegment(value, field);
    if (!pattern.test(value)) {
      throw new GatewayError('BAD_USER_INPUT', `${field} is not a ${provider} identifier`, { field });
    }
    return encodeURIComponent(value);
  };
}
