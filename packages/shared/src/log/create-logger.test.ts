import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './create-logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger({ component: 'test', destination }) };
}

describe('createLogger', () => {
  it('masks a password in an error, whether the error is an Error or the text of one', () => {
    const { lines, log } = capture();
    log.warn({ err: new Error('connect redis://:hunter22@cache:6379 refused') }, 'as an Error');
    log.warn({ err: 'probe to socks5://u:hunter22@proxy:1080 failed' }, 'as text');
    expect(lines).toHaveLength(2);
    const err = lines[0]?.err as { message: string; stack: string } | undefined;
    expect(err?.message).toBe('connect redis://:***@cache:6379 refused');
    expect(err?.stack).not.toContain('hunter22');
    expect(lines[1]?.err).toBe('probe to socks5://u:***@proxy:1080 failed');
    expect(lines.map((line) => line.msg)).toEqual(['as an Error', 'as text']);
  });
});
