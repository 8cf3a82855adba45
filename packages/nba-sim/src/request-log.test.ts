import { describe, expect, it } from 'vitest';
import { RequestLog } from './request-log.js';

const request = (path: string) => ({
  time: 1,
  method: 'GET',
  path,
  endpoint: null,
  query: {},
  headers: {},
  httpVersion: '1.1' as const,
  ja4: null,
});

describe('RequestLog', () => {
  it('numbers entries and lets the caller fill in the outcome', () => {
    const log = new RequestLog();
    const entry = log.record(request('/stats/a'));
    entry.status = 200;
    log.record(request('/stats/b'));
    expect(log.entries().map((e) => [e.seq, e.path, e.status])).toEqual([
      [1, '/stats/a', 200],
      [2, '/stats/b', null],
    ]);
  });

  it('returns copies and clears', () => {
    const log = new RequestLog();
    log.record(request('/x'));
    const [copy] = log.entries();
    if (copy) copy.status = 500;
    expect(log.entries()[0]?.status).toBeNull();
    log.clear();
    expect(log.entries()).toEqual([]);
  });

  it('drops the oldest entries beyond maxEntries', () => {
    const log = new RequestLog({ maxEntries: 2 });
    for (const p of ['/1', '/2', '/3']) log.record(request(p));
    expect(log.entries().map((e) => e.path)).toEqual(['/2', '/3']);
  });
});
