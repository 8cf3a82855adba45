import { describe, expect, it } from 'vitest';
import { runDoctor } from './doctor.js';

describe('runDoctor', () => {
  it('reports an invalid configuration as one FAIL, masked, and checks nothing else (no I/O)', async () => {
    const report = await runDoctor({
      env: { AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'b', REDIS_URL: 'http://:hunter22@cache:6379' },
      now: () => new Date('2025-01-10T12:00:00.000Z'),
    });
    expect(report).toMatchObject({
      ok: false,
      exitCode: 1,
      generatedAt: '2025-01-10T12:00:00.000Z',
      summary: { ok: 1, warn: 0, FAIL: 1, skip: 8 },
      config: null,
    });
    expect(report.checks[0]).toEqual({
      id: 'config',
      status: 'FAIL',
      finding:
        'invalid: REDIS_URL: expected a URL starting with redis:// or rediss://, got "http://:***@cache:6379" (string)',
      todo: "fix the variables named (the README's Configuration table says what each accepts); nothing else was checked",
    });
    expect(report.checks.map((c) => `${c.status} ${c.id}`).slice(1)).toEqual([
      'skip redis',
      'skip redis.appendonly',
      'skip redis.maxmemory-policy',
      'skip queue',
      'skip queue.pace',
      'skip s3.bucket',
      'skip s3.probe',
      'skip nba.api',
      'ok nba.browser',
    ]);
    expect(JSON.stringify(report)).not.toContain('hunter22');
  });
});
