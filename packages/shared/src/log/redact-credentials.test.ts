import { describe, expect, it } from 'vitest';
import { redactCredentials } from './redact-credentials.js';

describe('redactCredentials', () => {
  it('masks the password of a URL, well formed or not', () => {
    expect(redactCredentials('connect redis://:hunter2@cache:6379 failed')).toBe(
      'connect redis://:***@cache:6379 failed',
    );
    expect(redactCredentials('http://admin:hunter2@minio:9000/b')).toBe('http://admin:***@minio:9000/b');
    expect(redactCredentials('got "redis//:hunter2@h"')).toBe('got "redis//:***@h"');
    expect(redactCredentials('got ":hunter2@localhost:6379"')).toBe('got ":***@localhost:6379"');
    expect(redactCredentials('socks5://user:pa:ss@proxy:1080')).toBe('socks5://user:***@proxy:1080');
  });

  it('leaves text without credentials alone', () => {
    for (const text of ['at 12:30 the job failed', 'mail me@example.com', 'redis://cache:6379', 'a: b@c'])
      expect(redactCredentials(text)).toBe(text);
  });
});
