import { randomUUID } from 'node:crypto';
import type { BronzeStore } from '../bronze/index.js';
import { errorMessage } from '../log/index.js';
import { ENDPOINTS, type NbaClient, NbaRequestError } from '../nba/index.js';
import { type HaltCause, RETRY_POLICY, type RequestQueue } from '../queue/index.js';

export interface ProbeCheckDeps {
  readonly nba: Pick<NbaClient, 'get'>;
  readonly store: Pick<BronzeStore, 'put' | 'deleteMany'>;
  readonly queue: RequestQueue;
  readonly stateFilePrefix: string;
}

/**
 * What a probe asks (DESIGN §5): for a blocked API, the request of the next job in line, once,
 * through the gate (its body is dropped: the job fetches it again when the queue runs); for S3, a
 * put and a delete of a small object under the state prefix. Resolves with why it still fails.
 */
export function createProbeCheck(deps: ProbeCheckDeps): (cause: HaltCause) => Promise<string | undefined> {
  return async (cause) => (cause === 'blocked' ? probeApi(deps) : probeStorage(deps));
}

async function probeApi(deps: ProbeCheckDeps): Promise<string | undefined> {
  const [next] = await deps.queue.getJobs(['waiting', 'paused', 'prioritized', 'delayed'], 0, 0, true);
  // Nothing left to fetch: there is nothing to be blocked from.
  if (next === undefined) return undefined;
  const endpoint = ENDPOINTS[next.data.request];
  try {
    await deps.nba.get(endpoint.endpoint, endpoint.params(next.data));
    return undefined;
  } catch (error) {
    // Any answer but a blocking-like one (a 404, a 500) shows the API is reachable again.
    if (error instanceof NbaRequestError && !RETRY_POLICY[error.kind].countsAsBlocking) return undefined;
    return errorMessage(error);
  }
}

async function probeStorage(deps: ProbeCheckDeps): Promise<string | undefined> {
  const key = `${deps.stateFilePrefix}/_probe/${randomUUID()}.txt`;
  try {
    await deps.store.put(key, 'probe', { contentType: 'text/plain' });
    await deps.store.deleteMany([key]);
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}
