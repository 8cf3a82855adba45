import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import { Releasers } from './releasers.js';
import { createShutdown } from './shutdown.js';

function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, log: createLogger({ component: 'test', destination }) };
}

/** An exit spy whose promise resolves with the code. */
function exitSpy() {
  const codes: number[] = [];
  let resolve: (code: number) => void = () => undefined;
  const exited = new Promise<number>((r) => (resolve = r));
  return {
    codes,
    exited,
    exit: (code: number) => {
      codes.push(code);
      resolve(code);
    },
  };
}

const never = () => new Promise<never>(() => undefined);

describe('Releasers', () => {
  it('releases last added first, once, and goes on past a step that fails', async () => {
    const { lines, log } = captureLog();
    const order: string[] = [];
    const releasers = new Releasers();
    releasers.add('redis', () => order.push('redis'));
    releasers.add('s3', () => {
      throw new Error('socket hang up');
    });
    releasers.add('worker', async () => order.push('worker'));
    expect(releasers.pending()).toEqual(['worker', 's3', 'redis']);
    const first = releasers.releaseAll(log);
    expect(releasers.releaseAll(log)).toBe(first);
    expect(await first).toEqual(['s3']);
    expect(order).toEqual(['worker', 'redis']);
    expect(releasers.pending()).toEqual([]);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'close failed',
        resource: 's3',
        err: expect.objectContaining({ message: 'socket hang up' }),
      }),
    ]);
    expect(() => releasers.add('late', () => undefined)).toThrow(/releasing has started/);
  });
});

describe('createShutdown', () => {
  it('exits 0 when every step finishes, without waiting for the deadline', async () => {
    const { lines, log } = captureLog();
    const releasers = new Releasers();
    releasers.add('redis', () => undefined);
    const spy = exitSpy();
    const shutdown = createShutdown({ log, releasers, timeoutSeconds: 30, exit: spy.exit });
    const started = Date.now();
    await shutdown('SIGTERM');
    await shutdown('done');
    expect(spy.codes).toEqual([0]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(lines).toEqual([]);
  });

  it('exits 1 when a step failed', async () => {
    const { log } = captureLog();
    const releasers = new Releasers();
    releasers.add('s3', () => Promise.reject(new Error('NoSuchBucket')));
    const spy = exitSpy();
    await createShutdown({ log, releasers, timeoutSeconds: 30, exit: spy.exit })('SIGTERM');
    expect(spy.codes).toEqual([1]);
  });

  it('past the deadline, exits 1 with one line naming the steps left', async () => {
    const { lines, log } = captureLog();
    const releasers = new Releasers();
    // Keeps the event loop alive, as a reconnecting Redis socket does.
    const alive = setInterval(() => undefined, 1_000);
    try {
      releasers.add('redis', never);
      releasers.add('final checkpoint', never);
      releasers.add('worker', () => undefined);
      const spy = exitSpy();
      const started = Date.now();
      await createShutdown({ log, releasers, timeoutSeconds: 0.2, exit: spy.exit })('SIGTERM');
      expect(spy.codes).toEqual([1]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(lines).toEqual([
        expect.objectContaining({
          level: 'error',
          reason: 'SIGTERM',
          timeout_seconds: 0.2,
          left: ['final checkpoint', 'redis'],
          msg: 'shutdown deadline of 0.2 s passed; exiting with steps left',
        }),
      ]);
    } finally {
      clearInterval(alive);
    }
  });
});
