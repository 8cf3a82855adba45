import { describe, expect, it } from 'vitest';
import { runApp } from './helpers/processes.js';

/** A valid environment; each case breaks one variable. Redis and S3 are never reached. */
const VALID = {
  PATH: process.env.PATH,
  AWS_REGION: 'us-east-1',
  S3_BUCKET_NAME: 'bronze',
  REDIS_URL: 'redis://127.0.0.1:1',
  NBA_API_BASE_URL: 'http://127.0.0.1:1/stats',
};

describe('configuration errors stop every app with exit code 2 and one line', () => {
  it.each([
    [
      { SEASON: '2024-26' },
      'SEASON: expected a season YYYY-YY whose second year is the first plus one (e.g. 2024-25), got "2024-26" (string)',
    ],
    [
      { RATE_LIMIT_SECONDS: '-1' },
      'RATE_LIMIT_SECONDS: expected a number of seconds > 0 (decimals allowed, e.g. 5 or 0.25), got "-1" (string)',
    ],
    [
      { RATE_LIMIT_SECONDS: 'abc' },
      'RATE_LIMIT_SECONDS: expected a number of seconds > 0 (decimals allowed, e.g. 5 or 0.25), got "abc" (string)',
    ],
    [{ S3_BUCKET_NAME: undefined }, 'S3_BUCKET_NAME: is required: the bucket of the Bronze layer'],
    [
      { REDIS_URL: ':hunter22@cache:6379' },
      'REDIS_URL: expected a URL starting with redis:// or rediss://, got ":***@cache:6379" (string)',
    ],
    [
      { ENDPOINTS: 'box-score,shots' },
      'ENDPOINTS: expected a comma-separated list of "box-score", "play-by-play", "box-score-advanced", got "box-score,shots" (string)',
    ],
  ])('planner enqueue season with %o', async (change, message) => {
    const result = await runApp('planner', ['enqueue', 'season'], { ...VALID, ...change });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`invalid configuration: ${message}\n`);
  });

  it.each(['worker', 'planner'] as const)(
    '%s refuses NBA_API_INSECURE_TLS against stats.nba.com',
    async (app) => {
      const result = await runApp(app, app === 'planner' ? ['enqueue', 'season'] : [], {
        ...VALID,
        NBA_API_BASE_URL: 'https://stats.nba.com/stats',
        NBA_API_INSECURE_TLS: 'true',
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `invalid configuration: NBA_API_INSECURE_TLS: expected false against stats.nba.com (it is for the simulator's self-signed certificate), got "true"\n`,
      );
    },
  );

  it.each(['worker', 'dashboard'] as const)('%s refuses a bad season the same way', async (app) => {
    const result = await runApp(app, [], { ...VALID, SEASON: '2024-26' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid configuration: SEASON: expected a season YYYY-YY');
  });

  it('names every bad variable at once', async () => {
    const result = await runApp('planner', ['status'], { ...VALID, SEASON: 'x', WORKER_CONCURRENCY: '0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'invalid configuration: SEASON: expected a season YYYY-YY whose second year is the first plus one (e.g. 2024-25), got "x" (string); WORKER_CONCURRENCY: expected a whole number from 1 to 64, got "0" (string)\n',
    );
  });
});
