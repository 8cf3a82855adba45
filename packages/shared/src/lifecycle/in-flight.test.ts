import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.js';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('waits for every running call, those started while waiting included, failed ones too', async () => {
    const inFlight = new InFlight();
    const calls = [deferred(), deferred(), deferred()];
    const run = inFlight.track((i: number) => (calls[i] as ReturnType<typeof deferred>).promise);
    const first = run(0);
    const second = run(1).catch(() => 'failed');
    expect(inFlight.size).toBe(2);

    let settled = false;
    const waiting = inFlight.settled().then(() => {
      settled = true;
    });
    calls[0]?.resolve();
    await first;
    const third = run(2);
    calls[1]?.reject(new Error('boom'));
    expect(await second).toBe('failed');
    await Promise.resolve();
    expect(settled).toBe(false);
    expect(inFlight.size).toBe(1);

    calls[2]?.resolve();
    await third;
    await waiting;
    expect(settled).toBe(true);
    expect(inFlight.size).toBe(0);
  });

  it('is settled at once when nothing runs', async () => {
    await expect(new InFlight().settled()).resolves.toBeUndefined();
  });
});
