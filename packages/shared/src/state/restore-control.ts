import type { BronzeStore } from '../bronze/index.js';
import {
  type MaintenanceQueue,
  pauseRequests,
  type RateLimitGate,
  type Redis,
  type RequestQueue,
  restoreHalt,
  restoreSendsLastHour,
} from '../queue/index.js';
import { carriedControlOf } from './checkpoint.js';
import { readStoredCheckpoint } from './checkpoint-writer.js';
import type { RedisState } from './redis-state.js';

export interface RestoreControlDeps {
  readonly redis: Redis;
  readonly queue: RequestQueue;
  readonly maintenance: MaintenanceQueue;
  readonly gate: Pick<RateLimitGate, 'hold'>;
  readonly store: Pick<BronzeStore, 'get'>;
  readonly state: Pick<RedisState, 'getPlanned'>;
}

/**
 * After a lost Redis (the season's plan is gone while its checkpoint is there), puts back what
 * the checkpoint kept of the queue's control: a halt (blocked API, S3 down) with its probes, a
 * person's pause with its reason, a throttled cool-down that had not ended, and the hourly
 * budget's sends of the last hour. Without this a lost Redis would end a ban early, or let the
 * next hour send a whole budget more. Returns what was put back, in words, for the output.
 */
export async function restoreControlAfterLostRedis(
  deps: RestoreControlDeps,
  options: { readonly stateFilePrefix: string; readonly season: string },
  now: Date = new Date(),
): Promise<string[]> {
  if ((await deps.state.getPlanned()).size > 0) return [];
  const stored = await readStoredCheckpoint(deps.store, options.stateFilePrefix, options.season);
  if (stored === undefined) return [];
  const control = carriedControlOf(stored);
  const restored: string[] = [];
  if (control.coolDownUntil !== null) {
    const ms = Date.parse(control.coolDownUntil) - now.getTime();
    if (ms > 0) {
      await deps.gate.hold(ms);
      restored.push(`the throttled cool-down, until ${control.coolDownUntil}`);
    }
  }
  const sends = await restoreSendsLastHour(deps.redis, control.sentLastHour);
  if (sends > 0) restored.push(`the hourly budget's ${sends} request(s) of the last hour`);
  if (control.halt !== null) {
    if (await restoreHalt(deps, control.halt, now))
      restored.push(
        `the ${control.halt.cause} halt since ${control.halt.since} (${control.halt.probes} probe(s) so far)`,
      );
  } else if (control.paused && !(await deps.queue.isPaused())) {
    const reason = control.pauseReason ?? 'paused before Redis was lost';
    await pauseRequests(deps.queue, deps.redis, reason);
    restored.push(`the pause (${reason}); \`pnpm planner resume\` resumes`);
  }
  return restored;
}
