import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never run against a stale build. No "module" condition: it would pick the AWS SDK's
// dist-es build, whose extensionless imports Node cannot load.
const conditions = ['source', 'node', 'import', 'default'];
const resolve = { conditions };
const ssr = { resolve: { conditions } };

export default defineConfig({
  resolve,
  ssr,
  test: {
    projects: [
      {
        resolve,
        ssr,
        test: {
          name: 'unit',
          include: ['{apps,packages}/*/src/**/*.test.ts'],
        },
      },
      {
        resolve,
        ssr,
        test: {
          name: 'integration',
          include: ['{apps,packages}/*/test/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Integration tests share one Redis and one S3 server; each file uses its own Redis
          // database and bucket, but worker processes make them timing-sensitive on 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
