import { describe, expect, it } from 'vitest';
import { CONFIG_FIELDS } from './config-fields.js';
import { loadConfig } from './load-config.js';
import { configSecrets, describeConfig, maskUrl, maskVariable, redactSecrets } from './mask.js';
import { CONFIG_SCHEMA } from './schema.js';

const BASE = { AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'bronze' };

describe('maskUrl', () => {
  it('masks the password and keeps the rest as written', () => {
    expect(maskUrl('redis://:s3cret@redis.internal:6379/2')).toBe('redis://:***@redis.internal:6379/2');
    expect(maskUrl('rediss://default:s3cret@cache.example:6380')).toBe(
      'rediss://default:***@cache.example:6380',
    );
    expect(maskUrl('http://minio:minio123@127.0.0.1:9000')).toBe('http://minio:***@127.0.0.1:9000');
    expect(maskUrl('http://127.0.0.1:7480')).toBe('http://127.0.0.1:7480');
    expect(maskUrl('redis://localhost:6379')).toBe('redis://localhost:6379');
  });

  it('masks the user name too when asked (proxies carry account keys there)', () => {
    expect(maskUrl('http://customer-abc:pw@proxy.example:3128', { user: true })).toBe(
      'http://***:***@proxy.example:3128',
    );
    expect(maskUrl('http://token@proxy.example:3128', { user: true })).toBe('http://***@proxy.example:3128');
    expect(maskUrl('http://token@proxy.example:3128')).toBe('http://token@proxy.example:3128');
  });

  it('masks credential-like query parameters and an @ inside the password', () => {
    expect(maskUrl('rediss://cache.example:6380/0?password=pw&family=6#x')).toBe(
      'rediss://cache.example:6380/0?password=***&family=6#x',
    );
    expect(maskUrl('http://u:p@ss@h:1/x')).toBe('http://u:***@h:1/x');
  });

  it('leaves text that is not a URL alone', () => {
    expect(maskUrl('not a url')).toBe('not a url');
  });
});

describe('maskVariable', () => {
  it('hides the dashboard password whole and the proxy credentials', () => {
    expect(maskVariable('DASHBOARD_PASSWORD', 'hunter22')).toBe('***');
    expect(maskVariable('NBA_API_PROXY', 'http://u:p@proxy:3128')).toBe('http://***:***@proxy:3128');
    expect(maskVariable('REDIS_URL', 'redis://:p@h:6379')).toBe('redis://:***@h:6379');
    expect(maskVariable('S3_ENDPOINT', 'http://k:p@h:9000')).toBe('http://k:***@h:9000');
    expect(maskVariable('SEASON', '2024-25')).toBe('2024-25');
  });
});

describe('describeConfig', () => {
  it('maps every schema variable to a Config field', () => {
    const config = loadConfig(BASE);
    expect(Object.keys(CONFIG_FIELDS).sort()).toEqual(Object.keys(CONFIG_SCHEMA.shape).sort());
    expect(Object.values(CONFIG_FIELDS).sort()).toEqual(Object.keys(config).sort());
  });

  it('shows values as loaded, secrets masked, and which the environment set', () => {
    const env = {
      ...BASE,
      REDIS_URL: 'redis://:redispw@127.0.0.1:6390/12',
      NBA_API_PROXY: 'http://acct:proxypw@proxy.example:3128',
      DASHBOARD_USER: 'admin',
      DASHBOARD_PASSWORD: 'dashpw',
      SEASON_TYPES: 'Regular Season,Playoffs',
      RATE_LIMIT_SECONDS: '5',
    };
    const shown = describeConfig(loadConfig(env), env);
    expect(shown.REDIS_URL).toEqual({ value: 'redis://:***@127.0.0.1:6390/12', source: 'env' });
    expect(shown.NBA_API_PROXY).toEqual({ value: 'http://***:***@proxy.example:3128', source: 'env' });
    expect(shown.DASHBOARD_PASSWORD).toEqual({ value: '***', source: 'env' });
    expect(shown.DASHBOARD_USER).toEqual({ value: 'admin', source: 'env' });
    expect(shown.SEASON_TYPES).toEqual({ value: 'Regular Season,Playoffs', source: 'env' });
    expect(shown.SEASON).toEqual({ value: '2024-25', source: 'default' });
    expect(shown.RATE_LIMIT_PER_HOUR).toEqual({ value: 'unset', source: 'default' });
    expect(shown.DRY_RUN).toEqual({ value: 'false', source: 'default' });
    expect(JSON.stringify(shown)).not.toMatch(/redispw|proxypw|dashpw|acct/);
  });
});

describe('redactSecrets', () => {
  it('scrubs every secret of the config from free text, encoded or not', () => {
    const config = loadConfig({
      ...BASE,
      REDIS_URL: 'redis://:red%40pw@h:6379',
      NBA_API_PROXY: 'http://acct-42:proxypw@proxy:3128',
      DASHBOARD_USER: 'admin',
      DASHBOARD_PASSWORD: 'dashpw',
    });
    const secrets = configSecrets(config);
    expect(redactSecrets('WRONGPASS red@pw; proxy acct-42/proxypw refused; dashboard dashpw', secrets)).toBe(
      'WRONGPASS ***; proxy ***/*** refused; dashboard ***',
    );
  });

  it('masks the password of any URL in the text, even without a config', () => {
    expect(redactSecrets('REDIS_URL: expected redis://, got "http://:pw@h:1" (string)')).toBe(
      'REDIS_URL: expected redis://, got "http://:***@h:1" (string)',
    );
  });
});
