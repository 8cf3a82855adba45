import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { isConnectionError, RedisErrorLog } from './redis-errors.js';

/** A RedisErrorLog writing to an array of parsed lines, on a clock the test moves. */
function fixture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let now = 0;
  const log = createLogger({ component: 'test', destination });
  const errors = new RedisErrorLog(log, { intervalMs: 60_000, now: () => now });
  return { lines, errors, advance: (ms: number) => (now += ms) };
}

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' });
}

describe('RedisErrorLog', () => {
  it('turns a storm of connection errors from every emitter into one line a minute', () => {
    const { lines, errors, advance } = fixture();
    const worker = new EventEmitter();
    const queue = new EventEmitter();
    errors.watch('worker', worker);
    errors.watch('queue', queue);
    for (let i = 0; i < 200; i++) {
      errors.report('redis', refused());
      worker.emit('error', refused());
      queue.emit('error', new Error('Connection is closed.'));
    }
    expect(lines.map((l) => l.msg)).toEqual(['redis unavailable; reconnecting']);
    expect(lines[0]).toMatchObject({
      level: 'error',
      source: 'redis',
      err: { type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:6390', code: 'ECONNREFUSED' },
    });
    expect(errors.lost).toBe(true);
    advance(59_000);
    worker.emit('error', refused());
    expect(lines).toHaveLength(1);
    advance(1_000);
    worker.emit('error', refused());
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      msg: 'redis still unavailable; reconnecting',
      source: 'worker',
      suppressed: 600,
      down_seconds: 60,
    });
  });

  it('says once that the connection is back, and logs the next loss at once', () => {
    const { lines, errors, advance } = fixture();
    errors.restored('redis'); // the first connect: nothing was lost
    expect(lines).toEqual([]);
    errors.report('redis', refused());
    advance(12_400);
    errors.restored('redis');
    errors.restored('redis');
    expect(lines.map((l) => [l.msg, l.down_seconds])).toEqual([
      ['redis unavailable; reconnecting', undefined],
      ['redis connection restored', 12],
    ]);
    expect(errors.lost).toBe(false);
    errors.report('redis', refused());
    expect(lines.at(-1)?.msg).toBe('redis unavailable; reconnecting');
  });

  it('logs other errors under their source, throttled per message', () => {
    const { lines, errors, advance } = fixture();
    const missingLock = () => new Error('Missing lock for job 7. moveToFinished');
    errors.report('worker', missingLock());
    errors.report('worker', missingLock());
    errors.report('worker', new Error('another problem'));
    advance(60_000);
    errors.report('worker', missingLock());
    expect(lines.map((l) => [l.msg, l.source, (l.err as { message: string }).message, l.suppressed])).toEqual(
      [
        ['worker error', 'worker', 'Missing lock for job 7. moveToFinished', undefined],
        ['worker error', 'worker', 'another problem', undefined],
        ['worker error', 'worker', 'Missing lock for job 7. moveToFinished', 1],
      ],
    );
    expect(errors.lost).toBe(false);
  });

  it('counts any error as part of the outage while the connection is lost', () => {
    const { lines, errors } = fixture();
    errors.report('redis', refused());
    errors.report('worker', new Error('Missing lock for job 7. moveToFinished'));
    expect(lines).toHaveLength(1);
  });

  it('recognises connection errors by code and by message', () => {
    expect(isConnectionError(refused())).toBe(true);
    expect(isConnectionError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionError(new Error('Connection is closed.'))).toBe(true);
    expect(
      isConnectionError(new Error("Stream isn't writeable and enableOfflineQueue options is false")),
    ).toBe(true);
    expect(isConnectionError(new Error('ERR unknown command'))).toBe(false);
    expect(isConnectionError('ECONNREFUSED')).toBe(false);
  });
});
