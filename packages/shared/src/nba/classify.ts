import { type ErrorKind, isErrorKind } from './errors.js';

/**
 * The class of an HTTP answer, or undefined for a success. 429/403/503 are how an API says
 * "slow down" (or blocks a caller), so they share `throttled` and its global cool-down.
 */
export function classifyStatus(status: number): ErrorKind | undefined {
  if (status >= 200 && status < 300) return undefined;
  if (status === 429 || status === 403 || status === 503) return 'throttled';
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  // Redirects are not followed: stats.nba.com does not redirect API calls, so one is a fault.
  return 'server';
}

const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
/** impit's timeout classes, by `name`. */
const TIMEOUT_NAMES = new Set([
  'TimeoutError',
  'AbortError',
  'ConnectTimeout',
  'ReadTimeout',
  'WriteTimeout',
  'PoolTimeout',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The class of a request that got no HTTP answer at all (thrown by the transport). */
export function classifyFailure(cause: unknown): 'timeout' | 'connection' {
  let current: unknown = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (TIMEOUT_NAMES.has(current.name)) return 'timeout';
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TIMEOUT_CODES.has(code)) return 'timeout';
      if (CONNECTION_CODES.has(code)) return 'connection';
    }
    current = current.cause;
  }
  return 'connection';
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * The class of any failure on the way out of a job: an NbaRequestError's, a StorageError's or
 * any other error's own `kind`; something without one is a bug in our parsing, so `parse`.
 * The one classifier of the product (retry decisions follow RETRY_POLICY on this kind).
 */
export function errorKindOf(error: unknown): ErrorKind {
  const kind = typeof error === 'object' && error !== null ? (error as { kind?: unknown }).kind : undefined;
  return isErrorKind(kind) ? kind : 'parse';
}
