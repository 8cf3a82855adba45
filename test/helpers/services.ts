import { execFileSync } from 'node:child_process';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { REPO_ROOT } from './processes.js';

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

/** Creates a fresh bucket on the test S3 server and returns its name. */
export async function createTestBucket(services: TestServices, label: string): Promise<string> {
  const bucket = uniqueBucket(label);
  const s3 = new S3Client({
    region: services.region,
    endpoint: services.s3Endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: services.accessKeyId, secretAccessKey: services.secretAccessKey },
  });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    s3.destroy();
  }
  return bucket;
}

/** The environment every app process of a test gets: the test services plus `overrides`. */
export function appEnv(services: TestServices, db: number, overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_REGION: services.region,
    AWS_ACCESS_KEY_ID: services.accessKeyId,
    AWS_SECRET_ACCESS_KEY: services.secretAccessKey,
    S3_ENDPOINT: services.s3Endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    REDIS_URL: services.redisUrl(db),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...overrides,
  };
}

/**
 * Outages of the test S3 server (radosgw), for the tests that prove nothing is lost or fetched
 * twice: its process stopped and started again, or frozen (SIGSTOP) and thawed. The objects
 * live in the Ceph OSD and survive both. Always undo in a `finally`.
 */
export const s3Outage = {
  stop: () => services('rgw-stop'),
  start: () => services('rgw-start'),
  freeze: () => process.kill(rgwPid(), 'SIGSTOP'),
  thaw: () => process.kill(rgwPid(), 'SIGCONT'),
};

function services(command: string): void {
  execFileSync('bash', [`${REPO_ROOT}/scripts/test-services.sh`, command], {
    stdio: 'ignore',
    timeout: 120_000,
  });
}

function rgwPid(): number {
  const pid = Number(
    execFileSync('bash', [`${REPO_ROOT}/scripts/test-services.sh`, 'rgw-pid'])
      .toString()
      .trim(),
  );
  if (!Number.isInteger(pid) || pid <= 0) throw new Error('radosgw is not running (no pid file)');
  return pid;
}
