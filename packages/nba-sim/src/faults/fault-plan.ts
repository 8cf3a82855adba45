/**
 * What can go wrong, as data. A plan is a list of rules; each rule matches requests by endpoint
 * and/or GameID, fires with a probability and/or within a window of matching requests, and then
 * applies one action. REFERENCE §3 lists the failure modes of the real API that these imitate.
 */
export type FaultAction =
  /** Answer normally, this many ms later (adds up across firing latency rules). */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Accept the request and never answer (the real API's block: the client must time out). */
  | { readonly kind: 'stall' }
  /** Destroy the socket with a TCP RST (ECONNRESET on the client). */
  | { readonly kind: 'reset' }
  /** 500 `{"Message":"An error has occurred."}` */
  | { readonly kind: 'server-error' }
  /** 429 with `Retry-After`. */
  | { readonly kind: 'throttle'; readonly retryAfterSeconds?: number }
  /** 403 Akamai "Access Denied" HTML page. */
  | { readonly kind: 'forbidden' }
  /** 400 plain text. @defaultValue message: the GameID regular-expression error */
  | { readonly kind: 'bad-request'; readonly message?: string }
  /** 200 `{}` (what dead V2 endpoints return). */
  | { readonly kind: 'empty-body' }
  /** 200 JSON without the expected payload keys. */
  | { readonly kind: 'wrong-shape' }
  /**
   * 200 with the real body cut short, as an answer assembled before the game's data was all in:
   * box scores keep two players per team (the team totals stay whole), play-by-play the first
   * half of its actions, row sets their first tenth.
   */
  | { readonly kind: 'truncated' }
  /**
   * After `afterRequests` matching requests, every request (any endpoint) gets `mode` for
   * `seconds`; then the count starts again. @defaultValue mode 'stall'
   */
  | {
      readonly kind: 'ban';
      readonly afterRequests: number;
      readonly seconds: number;
      readonly mode?: 'stall' | 'reset' | 'forbidden' | 'throttle';
    };

export type FaultKind = FaultAction['kind'];

export interface FaultRule {
  /** Endpoint name, e.g. `boxscoretraditionalv3`. @defaultValue any endpoint */
  readonly endpoint?: string;
  /** Exact `GameID` parameter. @defaultValue any */
  readonly gameId?: string;
  /** Probability that a matching request is hit, drawn from the plan's seeded RNG. @defaultValue 1 */
  readonly rate?: number;
  /** Let this many matching requests through first. @defaultValue 0 */
  readonly after?: number;
  /** Fire at most this many times. @defaultValue unlimited */
  readonly times?: number;
  readonly action: FaultAction;
}

export interface FaultPlan {
  /** Seed of the RNG behind `rate`. @defaultValue 1 */
  readonly seed?: number;
  readonly rules: readonly FaultRule[];
}

export const EMPTY_FAULT_PLAN: FaultPlan = { rules: [] };

export class FaultPlanError extends Error {
  override readonly name = 'FaultPlanError';
}

const KINDS: readonly FaultKind[] = [
  'latency',
  'stall',
  'reset',
  'server-error',
  'throttle',
  'forbidden',
  'bad-request',
  'empty-body',
  'wrong-shape',
  'truncated',
  'ban',
];
const BAN_MODES = ['stall', 'reset', 'forbidden', 'throttle'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  `${JSON.stringify(v)} (${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v})`;

function expectNumber(where: string, v: unknown, min: number, max = Number.POSITIVE_INFINITY): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new FaultPlanError(`${where}: expected a number in [${min}, ${max}], got ${describe(v)}`);
  }
}

function checkAction(where: string, action: unknown): void {
  if (!isRecord(action) || !KINDS.includes(action.kind as FaultKind)) {
    throw new FaultPlanError(
      `${where}.kind: expected one of ${KINDS.join(', ')}, got ${describe(isRecord(action) ? action.kind : action)}`,
    );
  }
  if (action.kind === 'latency') expectNumber(`${where}.ms`, action.ms, 0);
  if (action.kind === 'throttle' && action.retryAfterSeconds !== undefined)
    expectNumber(`${where}.retryAfterSeconds`, action.retryAfterSeconds, 0);
  if (action.kind === 'bad-request' && action.message !== undefined && typeof action.message !== 'string') {
    throw new FaultPlanError(`${where}.message: expected a string, got ${describe(action.message)}`);
  }
  if (action.kind === 'ban') {
    expectNumber(`${where}.afterRequests`, action.afterRequests, 0);
    expectNumber(`${where}.seconds`, action.seconds, 0);
    if (action.mode !== undefined && !BAN_MODES.includes(action.mode as string)) {
      throw new FaultPlanError(
        `${where}.mode: expected one of ${BAN_MODES.join(', ')}, got ${describe(action.mode)}`,
      );
    }
  }
}

/** Validates untrusted JSON (from `PUT /__sim/faults`) into a plan; throws FaultPlanError. */
export function parseFaultPlan(input: unknown): FaultPlan {
  if (!isRecord(input) || !Array.isArray(input.rules)) {
    throw new FaultPlanError(`plan: expected {"rules": [...]}, got ${describe(input)}`);
  }
  if (input.seed !== undefined) expectNumber('seed', input.seed, 0);
  input.rules.forEach((rule: unknown, i: number) => {
    const where = `rules[${i}]`;
    if (!isRecord(rule)) throw new FaultPlanError(`${where}: expected an object, got ${describe(rule)}`);
    for (const key of ['endpoint', 'gameId'] as const) {
      if (rule[key] !== undefined && typeof rule[key] !== 'string') {
        throw new FaultPlanError(`${where}.${key}: expected a string, got ${describe(rule[key])}`);
      }
    }
    if (rule.rate !== undefined) expectNumber(`${where}.rate`, rule.rate, 0, 1);
    if (rule.after !== undefined) expectNumber(`${where}.after`, rule.after, 0);
    if (rule.times !== undefined) expectNumber(`${where}.times`, rule.times, 0);
    checkAction(`${where}.action`, rule.action);
  });
  return input as unknown as FaultPlan;
}
