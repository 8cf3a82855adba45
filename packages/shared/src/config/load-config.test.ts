import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

const REQUIRED = { AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'bronze' };

describe('loadConfig', () => {
  it('applies every default of DESIGN §2', () => {
    const config = loadConfig(REQUIRED);
    expect(config).toMatchObject({
      season: '2024-25',
      rateLimitSeconds: 5,
      stateFilePrefix: 'backfill-state',
      logLevel: 'info',
      dryRun: false,
      redisUrl: 'redis://localhost:6379',
      s3Endpoint: undefined,
      s3ForcePathStyle: false,
      nbaApiBaseUrl: 'https://stats.nba.com/stats',
      nbaApiTimeoutMs: 30_000,
      outputPrefix: 'historical-backfill',
      seasonTypes: ['Regular Season', 'PlayIn', 'Playoffs'],
      endpoints: ['box-score', 'play-by-play'],
      workerConcurrency: 2,
      s3UploadConcurrency: 3,
      checkpointIntervalSeconds: 60,
      dashboardPort: 3000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses decimals, booleans and lists', () => {
    const config = loadConfig({
      ...REQUIRED,
      RATE_LIMIT_SECONDS: '0.05',
      DRY_RUN: 'TRUE',
      SEASON_TYPES: 'Playoffs, Regular Season',
      NBA_API_BASE_URL: 'http://127.0.0.1:8787/stats/',
      SEASON: '1999-00',
    });
    expect(config.rateLimitSeconds).toBe(0.05);
    expect(config.dryRun).toBe(true);
    expect(config.seasonTypes).toEqual(['Playoffs', 'Regular Season']);
    expect(config.nbaApiBaseUrl).toBe('http://127.0.0.1:8787/stats');
    expect(config.season).toBe('1999-00');
  });

  it('refuses a sub-second interval against stats.nba.com, and allows it against the simulator', () => {
    expect(() => loadConfig({ ...REQUIRED, RATE_LIMIT_SECONDS: '0.5' })).toThrow(
      'invalid configuration: RATE_LIMIT_SECONDS: expected at least 1 against stats.nba.com (sub-second intervals are for the simulator), got "0.5"',
    );
    expect(() =>
      loadConfig({ ...REQUIRED, RATE_LIMIT_SECONDS: '0.9', NBA_API_BASE_URL: 'https://STATS.nba.com/stats' }),
    ).toThrow(ConfigError);
    expect(loadConfig({ ...REQUIRED, RATE_LIMIT_SECONDS: '1' }).rateLimitSeconds).toBe(1);
    expect(
      loadConfig({
        ...REQUIRED,
        RATE_LIMIT_SECONDS: '0.01',
        NBA_API_BASE_URL: 'https://127.0.0.1:8443/stats',
      }).rateLimitSeconds,
    ).toBe(0.01);
  });

  it('refuses NBA_API_INSECURE_TLS against stats.nba.com, and allows it against the simulator', () => {
    expect(() => loadConfig({ ...REQUIRED, NBA_API_INSECURE_TLS: 'true' })).toThrow(
      `invalid configuration: NBA_API_INSECURE_TLS: expected false against stats.nba.com (it is for the simulator's self-signed certificate), got "true"`,
    );
    expect(loadConfig(REQUIRED).nbaApiInsecureTls).toBe(false);
    expect(
      loadConfig({
        ...REQUIRED,
        NBA_API_INSECURE_TLS: 'yes',
        NBA_API_BASE_URL: 'https://127.0.0.1:8443/stats',
      }).nbaApiInsecureTls,
    ).toBe(true);
  });

  it('takes a SOCKS5 proxy', () => {
    expect(loadConfig({ ...REQUIRED, NBA_API_PROXY: 'socks5://u:p@127.0.0.1:1080' }).nbaApiProxy).toBe(
      'socks5://u:p@127.0.0.1:1080',
    );
  });

  it('refuses a probe cool-down ceiling below the first cool-down', () => {
    expect(() =>
      loadConfig({ ...REQUIRED, BLOCKED_COOL_DOWN_SECONDS: '60', BLOCKED_COOL_DOWN_MAX_SECONDS: '30' }),
    ).toThrow(
      'invalid configuration: BLOCKED_COOL_DOWN_MAX_SECONDS: expected at least BLOCKED_COOL_DOWN_SECONDS (60), got 30',
    );
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ ...REQUIRED, SEASON: '', RATE_LIMIT_SECONDS: '' }).rateLimitSeconds).toBe(5);
  });

  it('never echoes a secret value', () => {
    try {
      loadConfig({ ...REQUIRED, NBA_API_PROXY: 'not a url with secret' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toBe(
        'invalid configuration: NBA_API_PROXY: expected a URL starting with http:// or https:// or socks4:// or socks5://, got a value that is not shown',
      );
    }
  });

  it('masks the password of a rejected URL (REDIS_URL, S3_ENDPOINT)', () => {
    expect(() => loadConfig({ ...REQUIRED, REDIS_URL: 'http://:hunter22@cache:6379' })).toThrow(
      'REDIS_URL: expected a URL starting with redis:// or rediss://, got "http://:***@cache:6379" (string)',
    );
    // Values that are no URL at all still carry a password (issue 14).
    for (const [name, value, shown] of [
      ['REDIS_URL', ':hunter22@cache:6379', ':***@cache:6379'],
      ['REDIS_URL', 'redis//:hunter22@cache', 'redis//:***@cache'],
      ['S3_ENDPOINT', 'minio:hunter22@minio:9000', 'minio:***@minio:9000'],
    ] as const) {
      const message = (() => {
        try {
          loadConfig({ ...REQUIRED, [name]: value });
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).toContain(`got "${shown}"`);
      expect(message).not.toContain('hunter22');
    }
    expect(() => loadConfig({ ...REQUIRED, REDIS_URL: 'redis:/:hunter22@cache' })).toThrow(
      'got "redis:/:***@cache"',
    );
  });

  it('wants both dashboard credentials or neither', () => {
    expect(() => loadConfig({ ...REQUIRED, DASHBOARD_USER: 'admin' })).toThrow(
      'DASHBOARD_USER and DASHBOARD_PASSWORD: expected both set (basic auth) or neither',
    );
  });
});
