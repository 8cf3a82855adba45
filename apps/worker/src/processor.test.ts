import { readFileSync } from 'node:fs';
import { StorageError } from '@repo/shared/bronze';
import { createLogger } from '@repo/shared/log';
import type { NbaResponse } from '@repo/shared/nba';
import type { MaintenanceQueue, Redis, RequestJobData, RequestQueue } from '@repo/shared/queue';
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { createProcessor, type ProcessorDeps } from './processor.js';

const BODY = readFileSync(
  new URL(
    '../../../packages/shared/test/fixtures/nba/commonallplayers_2025-26_TRUNCATED26.json',
    import.meta.url,
  ),
  'utf8',
);

/** The processor with small fakes; the halt path (real Redis) is left to the integration tests. */
function harness(options: { failingPuts: number }) {
  const calls = { gets: 0, puts: 0, sleeps: [] as number[], recorded: [] as string[] };
  const deps: ProcessorDeps = {
    nba: {
      async get() {
        calls.gets++;
        const response: NbaResponse = {
          url: 'u',
          status: 200,
          body: BODY,
          wireBytes: 1,
          responseMs: 5,
          sentAtUs: 1,
        };
        return response;
      },
    },
    store: {
      async put(key) {
        calls.puts++;
        if (calls.puts <= options.failingPuts)
          throw new StorageError({
            operation: 'put',
            bucket: 'b',
            key,
            cause: new Error('connect ECONNREFUSED'),
          });
        return { size: 1 };
      },
    },
    state: {
      async countRequest() {
        calls.recorded.push('request');
      },
      async recordSuccess(id) {
        calls.recorded.push(`done ${id}`);
      },
      async recordFailure(id, record) {
        calls.recorded.push(`${record.kind} ${id} final=${record.final}`);
      },
    },
    gate: { intervalMs: 100, async hold() {} },
    queue: undefined as unknown as RequestQueue,
    maintenance: undefined as unknown as MaintenanceQueue,
    redis: undefined as unknown as Redis,
    blocking: { async recordSuccess() {}, recordFailure: async () => ({ blocking: 0, throttled: 0 }) },
    storageOutage: { async recordSuccess() {}, recordFailure: async () => 1 },
    log: createLogger({ component: 'test', level: 'silent' }),
    outputPrefix: 'historical-backfill',
    dryRun: false,
    blockedAfterFailures: 10,
    blockedProbes: { firstMs: 1_000, maxMs: 8_000 },
    sleep: async (ms) => {
      calls.sleeps.push(ms);
    },
  };
  const job = { id: '2024-25.players', attemptsMade: 0, data: { season: '2024-25', request: 'players' } };
  return { calls, run: () => createProcessor(deps)(job as unknown as Job<RequestJobData>) };
}

describe('the processor keeps a fetched body until it is stored', () => {
  it('retries failed S3 writes in place, with backoff, and fetches once', async () => {
    const { calls, run } = harness({ failingPuts: 3 });
    const result = await run();
    expect(calls.gets).toBe(1);
    expect(calls.sleeps).toEqual([500, 1_000, 2_000]);
    expect(result.keys).toEqual([
      'historical-backfill/_raw/players/season=2024-25/players.json.gz',
      'historical-backfill/players/season=2024-25/players.parquet',
    ]);
    expect(calls.recorded).toEqual([
      'storage 2024-25.players final=false',
      'storage 2024-25.players final=false',
      'storage 2024-25.players final=false',
      'request',
      'done 2024-25.players',
    ]);
  });

  it('stores at once when S3 answers', async () => {
    const { calls, run } = harness({ failingPuts: 0 });
    await run();
    expect([calls.gets, calls.puts, calls.sleeps.length]).toEqual([1, 2, 0]);
  });
});
