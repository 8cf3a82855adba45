import type { DoctorReport } from '@repo/shared/wiring';
import { describe, expect, it } from 'vitest';
import { formatDoctorReport, formatDoctorTable, formatVerdict, wrap } from './doctor.js';

const report = (overrides: Partial<DoctorReport> = {}): DoctorReport => ({
  ok: false,
  exitCode: 1,
  generatedAt: '2025-01-10T12:00:00.000Z',
  summary: { ok: 1, warn: 1, FAIL: 1, skip: 1 },
  checks: [
    {
      id: 'config',
      status: 'ok',
      finding: 'valid: season 2024-25, 3 of 30 variables set, the others default',
      todo: '',
    },
    {
      id: 'redis.appendonly',
      status: 'FAIL',
      finding: 'appendonly no: a Redis restart loses the queue, the request gate and the progress record',
      todo: 'run redis-server with --appendonly yes',
    },
    { id: 'queue', status: 'warn', finding: 'paused (maintenance)', todo: '`pnpm planner resume`' },
    { id: 's3.probe', status: 'skip', finding: 'not checked: the bucket check failed', todo: '' },
  ],
  config: {
    SEASON: { value: '2024-25', source: 'default' },
    REDIS_URL: { value: 'redis://:***@h:6379/0', source: 'env' },
  },
  ...overrides,
});

describe('wrap', () => {
  it('breaks at spaces within the width and cuts longer words', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghij kl', 4)).toEqual(['abcd', 'efgh', 'ij', 'kl']);
    expect(wrap('', 10)).toEqual(['']);
  });
});

describe('formatDoctorTable', () => {
  it('puts status, check, finding and advice in columns; each check starts a line', () => {
    expect(formatDoctorTable(report().checks, 100).split('\n')).toEqual([
      'status  check             finding                                  what to do',
      'ok      config            valid: season 2024-25, 3 of 30',
      '                          variables set, the others default',
      'FAIL    redis.appendonly  appendonly no: a Redis restart loses     run redis-server with',
      '                          the queue, the request gate and the      --appendonly yes',
      '                          progress record',
      'warn    queue             paused (maintenance)                     `pnpm planner resume`',
      'skip    s3.probe          not checked: the bucket check failed',
    ]);
  });

  it('never goes below 80 columns', () => {
    const lines = formatDoctorTable(report().checks, 20).split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^ok {6}config {12}valid:/);
  });
});

describe('formatVerdict', () => {
  it('says whether a run can start and what next', () => {
    expect(formatVerdict(report())).toBe(
      'Not ready: 1 FAIL (redis.appendonly), 1 warning (queue). Fix what FAILed and run `pnpm planner doctor` again.',
    );
    const ready = report({
      ok: true,
      exitCode: 0,
      summary: { ok: 2, warn: 0, FAIL: 0, skip: 0 },
      checks: [{ id: 'config', status: 'ok', finding: 'valid', todo: '' }],
    });
    expect(formatVerdict(ready)).toBe(
      'Ready: nothing FAILed, no warnings. Start with `pnpm planner enqueue season`.',
    );
  });
});

describe('formatDoctorReport', () => {
  it('lists the configuration as loaded, marking what the environment set', () => {
    const text = formatDoctorReport(report(), 100);
    expect(text.split('\n').slice(0, 2)).toEqual(['planner doctor, 2025-01-10 12:00:00 UTC', '']);
    expect(text).toContain(
      [
        'Configuration as loaded (secrets masked; * = set in the environment, the others are defaults):',
        '    SEASON     2024-25',
        '  * REDIS_URL  redis://:***@h:6379/0',
        '',
        'Not ready: 1 FAIL (redis.appendonly), 1 warning (queue). Fix what FAILed and run `pnpm planner doctor` again.',
      ].join('\n'),
    );
  });

  it('has no configuration section when the configuration is invalid', () => {
    expect(formatDoctorReport(report({ config: null }), 100)).not.toContain('Configuration as loaded');
  });
});
