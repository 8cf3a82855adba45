import { readFileSync } from 'node:fs';
import { type Job, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { StorageError } from '../bronze/index.js';
import { createLogger } from '../log/index.js';
import { NbaRequestError, type NbaResponse } from '../nba/index.js';
import type { MaintenanceQueue, Redis, RequestJobData, RequestQueue } from '../queue/index.js';
import { createProcessor, JobFailure, type ProcessorDeps } from './item-processor.js';

const SAMPLE = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/nba/commonallplayers_2025-26_TRUNCATED26.json', import.meta.url),
    'utf8',
  ),
) as { resultSets: { rowSet: unknown[][] }[] };
// The sample is cut to 26 players, fewer than a season's directory can have (a partial answer):
// its rows twice, under other ids, make a plausible one.
const ROWS = SAMPLE.resultSets[0]?.rowSet ?? [];
const BODY = JSON.stringify({
  ...SAMPLE,
  resultSets: [
    {
      ...SAMPLE.resultSets[0],
      rowSet: [...ROWS, ...ROWS.map(([id, ...rest]) => [Number(id) + 10_000_000, ...rest])],
    },
  ],
});

/** The processor with small fakes; the halt path (real Redis) is left to the integration tests. */
function harness(options: { failingPuts: number; answer?: () => NbaResponse }) {
  const calls = {
    gets: 0,
    puts: 0,
    sleeps: [] as number[],
    recorded: [] as string[],
    holds: [] as number[],
    rateLimits: [] as number[],
    putKeys: [] as string[],
    putMetadata: [] as (Readonly<Record<string, string>> | undefined)[],
  };
  const deps: ProcessorDeps = {
    nba: {
      async get() {
        calls.gets++;
        if (options.answer) return options.answer();
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
      // Nothing stored before: re-checks are left to the integration tests.
      get: async () => undefined,
      head: async () => undefined,
      async put(key, _body, putOptions) {
        calls.puts++;
        calls.putKeys.push(key);
        calls.putMetadata.push(putOptions?.metadata);
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
    stateOf: (season) => ({
      async countRequest() {
        calls.recorded.push(`request ${season}`);
      },
      async recordSuccess(id) {
        calls.recorded.push(`done ${id} in ${season}`);
      },
      async recordFailure(id, record) {
        calls.recorded.push(`${record.kind} ${id} final=${record.final} in ${season}`);
      },
      async recordNotFinal(id, reason) {
        calls.recorded.push(`not-final ${id}: ${reason}`);
      },
    }),
    gate: {
      intervalMs: 100,
      async hold(ms) {
        calls.holds.push(ms);
      },
    },
    queue: {
      async rateLimit(ms: number) {
        calls.rateLimits.push(ms);
      },
    } as unknown as RequestQueue,
    maintenance: undefined as unknown as MaintenanceQueue,
    redis: undefined as unknown as Redis,
    blocking: { async recordSuccess() {}, recordFailure: async () => ({ blocking: 0, throttled: 0 }) },
    storageOutage: { async recordSuccess() {}, recordFailure: async () => 1 },
    log: createLogger({ component: 'test', level: 'silent' }),
    season: '2024-25',
    outputPrefix: 'historical-backfill',
    dryRun: false,
    blockedAfterFailures: 10,
    blockedProbes: { firstMs: 1_000, maxMs: 8_000 },
    sleep: async (ms) => {
      calls.sleeps.push(ms);
    },
  };
  const job = { id: '2023-24.players', attemptsMade: 0, data: { season: '2023-24', request: 'players' } };
  return { calls, run: () => createProcessor(deps)(job as unknown as Job<RequestJobData>) };
}

describe('the processor keeps a fetched body until it is stored', () => {
  it('retries failed S3 writes in place, with backoff, and fetches once', async () => {
    const { calls, run } = harness({ failingPuts: 3 });
    const result = await run();
    expect(calls.gets).toBe(1);
    expect(calls.sleeps).toEqual([500, 1_000, 2_000]);
    expect(result.keys).toEqual([
      'historical-backfill/_raw/players/season=2023-24/players.json.gz',
      'historical-backfill/players/season=2023-24/players.parquet',
    ]);
    expect(calls.recorded).toEqual([
      'storage 2023-24.players final=false in 2023-24',
      'storage 2023-24.players final=false in 2023-24',
      'storage 2023-24.players final=false in 2023-24',
      'request 2023-24',
      'done 2023-24.players in 2023-24',
    ]);
  });

  it('stores at once when S3 answers', async () => {
    const { calls, run } = harness({ failingPuts: 0 });
    await run();
    expect([calls.gets, calls.puts, calls.sleeps.length]).toEqual([1, 2, 0]);
  });
});

describe('the processor on a failed request', () => {
  const answered = (status: number, body: string) => () => {
    throw new NbaRequestError(
      status === 200 ? 'parse' : 'throttled',
      `commonallplayers answered HTTP ${status}`,
      {
        status,
        body,
        retryAfterSeconds: status === 429 ? 3 : undefined,
      },
    );
  };

  it('cools every process down on a 429: the gate holds, the queue waits, the job retries', async () => {
    const { calls, run } = harness({ failingPuts: 0, answer: answered(429, 'Too Many Requests') });
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JobFailure);
    expect((failure as JobFailure).kind).toBe('throttled');
    // Retry-After 3 s wins over the first cool-down.
    expect(calls.holds).toEqual([3_000]);
    expect(calls.rateLimits).toEqual([3_000]);
    expect(calls.recorded).toEqual(['request 2023-24', 'throttled 2023-24.players final=false in 2023-24']);
    expect(calls.puts).toBe(0);
  });

  it('keeps a body it cannot parse under _quarantine/ with why, and fails the job for good', async () => {
    const { calls, run } = harness({
      failingPuts: 0,
      answer: () => ({
        url: 'u',
        status: 200,
        body: '<html>no</html>',
        wireBytes: 1,
        responseMs: 5,
        sentAtUs: 1,
      }),
    });
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UnrecoverableError);
    expect((failure as Error).message).toBe(
      '[parse] commonallplayers answered 200 with a body that is not JSON',
    );
    expect(calls.putKeys).toEqual(['historical-backfill/_quarantine/players/season=2023-24/players.json.gz']);
    expect(calls.putMetadata).toEqual([
      {
        'error-class': 'parse',
        'error-message': 'commonallplayers answered 200 with a body that is not JSON',
      },
    ]);
    expect(calls.recorded).toEqual(['request 2023-24', 'parse 2023-24.players final=true in 2023-24']);
    expect(calls.holds).toEqual([]);
  });
});
