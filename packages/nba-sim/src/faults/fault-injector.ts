import { createRandom, type Random } from '../season/seeded-random.js';
import { EMPTY_FAULT_PLAN, type FaultAction, type FaultPlan, type FaultRule } from './fault-plan.js';

export interface FaultRequest {
  readonly endpoint: string;
  readonly gameId?: string;
}

/** What to do with one request: wait, then either answer normally or apply `terminal`. */
export interface FaultDecision {
  readonly latencyMs: number;
  readonly terminal?: Exclude<FaultAction, { kind: 'latency' } | { kind: 'ban' }> | BanHit;
  /** Kinds that fired, for the request log (`latency`, `ban:stall`, ...). */
  readonly labels: readonly string[];
}

interface BanHit {
  readonly kind: 'stall' | 'reset' | 'forbidden' | 'throttle';
  readonly banned: true;
  readonly retryAfterSeconds?: number;
}

interface RuleState {
  matched: number;
  fired: number;
}

const matches = (rule: FaultRule, req: FaultRequest): boolean =>
  (rule.endpoint === undefined || rule.endpoint === req.endpoint) &&
  (rule.gameId === undefined || rule.gameId === req.gameId);

/**
 * Holds a plan and its counters and decides, per request, which faults apply. Rules are checked
 * in order; latency rules add up, and the first other rule that fires decides the answer.
 */
export class FaultInjector {
  private current: FaultPlan = EMPTY_FAULT_PLAN;
  private states: RuleState[] = [];
  private random: Random = createRandom(1);
  private bannedUntil = 0;
  private banMode: BanHit | undefined;

  /** @param now milliseconds clock; injectable so ban windows can be tested without waiting. */
  constructor(
    plan: FaultPlan = EMPTY_FAULT_PLAN,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.setPlan(plan);
  }

  get plan(): FaultPlan {
    return this.current;
  }

  /** Replaces the plan and resets every counter, ban and the RNG. */
  setPlan(plan: FaultPlan): void {
    this.current = plan;
    this.states = plan.rules.map(() => ({ matched: 0, fired: 0 }));
    this.random = createRandom(plan.seed ?? 1);
    this.bannedUntil = 0;
    this.banMode = undefined;
  }

  /** True while a ban is in force. */
  banActive(): boolean {
    return this.banMode !== undefined && this.now() < this.bannedUntil;
  }

  decide(req: FaultRequest): FaultDecision {
    const now = this.now();
    if (this.banMode && now < this.bannedUntil) {
      return { latencyMs: 0, terminal: this.banMode, labels: [`ban:${this.banMode.kind}`] };
    }
    let latencyMs = 0;
    const labels: string[] = [];
    let terminal: FaultDecision['terminal'];
    this.current.rules.forEach((rule, i) => {
      const state = this.states[i];
      if (!state || terminal || !matches(rule, req)) return;
      state.matched++;
      const action = rule.action;
      if (action.kind === 'ban') {
        if (rule.times !== undefined && state.fired >= rule.times) return;
        if (state.matched > action.afterRequests) {
          const mode = action.mode ?? 'stall';
          this.banMode = { kind: mode, banned: true, retryAfterSeconds: action.seconds };
          this.bannedUntil = now + action.seconds * 1000;
          state.matched = 0;
          state.fired++;
          terminal = this.banMode;
          labels.push(`ban:${mode}`);
        }
        return;
      }
      if (state.matched <= (rule.after ?? 0)) return;
      if (rule.times !== undefined && state.fired >= rule.times) return;
      if (rule.rate !== undefined && this.random.next() >= rule.rate) return;
      state.fired++;
      labels.push(action.kind);
      if (action.kind === 'latency') latencyMs += action.ms;
      else terminal = action;
    });
    return { latencyMs, terminal, labels };
  }
}
