import { describe, expect, expectTypeOf, it } from 'vitest';
import { type CamelCase, CONFIG_FIELDS, type Config, configField } from './config-fields.js';
import { loadConfig } from './load-config.js';

describe('configField', () => {
  it('is the variable in camelCase, at run time and in the type', () => {
    expect(configField('NBA_API_BASE_URL')).toBe('nbaApiBaseUrl');
    expect(configField('S3_BUCKET_NAME')).toBe('s3BucketName');
    expect(configField('DASHBOARD_READ_ONLY')).toBe('dashboardReadOnly');
    expect(configField('SEASON')).toBe('season');
    expectTypeOf(configField('NBA_API_BASE_URL')).toEqualTypeOf<'nbaApiBaseUrl'>();
    expectTypeOf<CamelCase<'S3_UPLOAD_CONCURRENCY'>>().toEqualTypeOf<'s3UploadConcurrency'>();
    expectTypeOf<CamelCase<'ENDPOINTS'>>().toEqualTypeOf<'endpoints'>();
  });

  it('names exactly the fields loadConfig fills, and the Config type has', () => {
    const config = loadConfig({ AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'bronze' });
    expect(Object.keys(config)).toEqual(Object.values(CONFIG_FIELDS));
    expectTypeOf<(typeof CONFIG_FIELDS)[keyof typeof CONFIG_FIELDS]>().toEqualTypeOf<keyof Config>();
    expectTypeOf<Config['seasonTypes']>().toEqualTypeOf<
      readonly ('Regular Season' | 'PlayIn' | 'Playoffs')[]
    >();
    expectTypeOf<Config['rateLimitPerHour']>().toEqualTypeOf<number | undefined>();
  });
});
