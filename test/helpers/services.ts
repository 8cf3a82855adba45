/**
 * Connection settings of the test services that `scripts/test-services.sh` starts. A missing
 * variable fails the test with the command that sets it, rather than skipping it.
 */
export interface TestServices {
  readonly redisUrl: (db: number) => string;
  readonly s3Endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export function testServices(): TestServices {
  const needed = [
    'REDIS_URL',
    'S3_ENDPOINT',
    'AWS_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
  ] as const;
  const missing = needed.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    throw new Error(
      `integration tests need ${missing.join(', ')}: run them with \`pnpm test\`, or first \`eval "$(bash scripts/test-services.sh env)"\``,
    );
  }
  const base = (process.env.REDIS_URL as string).replace(/\/\d+$/, '');
  return {
    redisUrl: (db) => `${base}/${db}`,
    s3Endpoint: process.env.S3_ENDPOINT as string,
    region: process.env.AWS_REGION as string,
    accessKeyId: process.env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string,
  };
}

/** A fresh, unique bucket name for one test file. */
export function uniqueBucket(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
