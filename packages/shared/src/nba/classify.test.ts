import { describe, expect, it } from 'vitest';
import { classifyFailure, classifyStatus, errorKindOf, parseRetryAfter } from './classify.js';
import { NbaRequestError } from './errors.js';

describe('classifyStatus', () => {
  it.each([
    [200, undefined],
    [400, 'client'],
    [404, 'client'],
    [403, 'throttled'],
    [429, 'throttled'],
    [503, 'throttled'],
    [500, 'server'],
    [502, 'server'],
    [301, 'server'],
  ])('%i -> %s', (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });
});

describe('classifyFailure', () => {
  const withCode = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    [withCode('ECONNRESET'), 'connection'],
    [withCode('ECONNREFUSED'), 'connection'],
    [withCode('UND_ERR_SOCKET'), 'connection'],
    [withCode('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [Object.assign(new Error('t'), { name: 'TimeoutError' }), 'timeout'],
    [Object.assign(new Error('impit'), { name: 'ConnectTimeout' }), 'timeout'],
    [Object.assign(new Error('impit'), { name: 'ReadTimeout' }), 'timeout'],
    [Object.assign(new Error('impit'), { name: 'ConnectError' }), 'connection'],
    [Object.assign(new Error('impit'), { name: 'ProxyTunnelError' }), 'connection'],
    [new Error('fetch failed', { cause: withCode('ECONNRESET') }), 'connection'],
    [new Error('fetch failed', { cause: withCode('UND_ERR_CONNECT_TIMEOUT') }), 'timeout'],
  ])('%s -> %s', (error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('errorKindOf', () => {
  it("is a failure's own kind, and parse for anything unclassified", () => {
    expect(errorKindOf(new NbaRequestError('throttled', 'HTTP 429'))).toBe('throttled');
    expect(errorKindOf(Object.assign(new Error('s3'), { kind: 'storage' }))).toBe('storage');
    expect(errorKindOf(Object.assign(new Error('odd'), { kind: 'nonsense' }))).toBe('parse');
    expect(errorKindOf(new TypeError('undefined is not a function'))).toBe('parse');
    expect(errorKindOf('thrown text')).toBe('parse');
  });
});
