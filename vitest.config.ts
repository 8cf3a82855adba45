import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources (the "source" export condition),
// so tests never run against a stale build.
const resolve = { conditions: ['source', 'node', 'import', 'default'] };
const ssr = {
  resolve: { conditions: ['source', 'node', 'import', 'default'], externalConditions: ['source'] },
};

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
          // Integration tests share one Redis and one S3 server; each uses its own prefix,
          // but worker processes and the rate-limit gate make them timing-sensitive.
          fileParallelism: false,
        },
      },
    ],
  },
});
