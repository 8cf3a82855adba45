import type { Logger } from '../log/index.js';
import { errorMessage } from '../log/index.js';
import type { Redis } from '../queue/index.js';
import {
  appendonlyVerdict,
  maxmemoryPolicyVerdict,
  type RedisMemory,
  type RedisSetting,
} from './doctor-verdicts.js';

/** `key:value` lines of INFO. */
export function parseInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) out.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return out;
}

/** CONFIG GET `name`; when CONFIG is refused (managed Redis, a renamed command), INFO's value. */
async function readSetting(redis: Redis, name: string, fromInfo: string | undefined): Promise<RedisSetting> {
  try {
    const reply = (await redis.config('GET', name)) as unknown as string[];
    const value = reply[1];
    if (value !== undefined) return { value, source: 'CONFIG' };
    return {
      value: fromInfo,
      source: fromInfo === undefined ? undefined : 'INFO',
      configRefused: 'no such setting',
    };
  } catch (error) {
    return {
      value: fromInfo,
      source: fromInfo === undefined ? undefined : 'INFO',
      configRefused: errorMessage(error),
    };
  }
}

/** What a long run needs of Redis: its INFO, appendonly, maxmemory-policy and how full it is. */
export async function readRedisSettings(redis: Redis): Promise<{
  readonly info: Map<string, string>;
  readonly appendonly: RedisSetting;
  readonly policy: RedisSetting;
  readonly memory: RedisMemory | undefined;
}> {
  // INFO's default sections hold the version, aof_enabled and maxmemory_policy (CONFIG's fallback).
  const info = parseInfo(await redis.info().catch(() => ''));
  const aof = info.get('aof_enabled');
  const appendonly = await readSetting(
    redis,
    'appendonly',
    aof === undefined ? undefined : aof === '1' ? 'yes' : 'no',
  );
  const policy = await readSetting(redis, 'maxmemory-policy', info.get('maxmemory_policy'));
  const used = Number(info.get('used_memory'));
  const max = Number(info.get('maxmemory'));
  const memory =
    Number.isFinite(used) && Number.isFinite(max) ? { usedBytes: used, maxBytes: max } : undefined;
  return { info, appendonly, policy, memory };
}

/**
 * Warns, once at start, when Redis would lose the run: `appendonly no` (a restart loses the queue
 * and the progress record) or an evicting `maxmemory-policy` (BullMQ loses jobs). The doctor's
 * verdicts, as log lines; a Redis that does not answer is left to the connection's own errors.
 */
export async function warnAboutRedisSettings(redis: Redis, log: Pick<Logger, 'warn'>): Promise<void> {
  try {
    const { appendonly, policy, memory } = await readRedisSettings(redis);
    for (const verdict of [appendonlyVerdict(appendonly), maxmemoryPolicyVerdict(policy, memory)]) {
      if (verdict.status !== 'ok')
        log.warn(
          { check: verdict.id, finding: verdict.finding, todo: verdict.todo },
          `Redis: ${verdict.finding}`,
        );
    }
  } catch {
    // Unreachable Redis: every other step says so.
  }
}
