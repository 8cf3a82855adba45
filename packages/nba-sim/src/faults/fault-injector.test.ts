import { describe, expect, it } from 'vitest';
import { FaultInjector } from './fault-injector.js';
import type { FaultPlan } from './fault-plan.js';

const box = { endpoint: 'boxscoretraditionalv3', gameId: '0022400061' };
const pbp = { endpoint: 'playbyplayv3', gameId: '0022400061' };

describe('FaultInjector', () => {
  it('lets everything through without rules', () => {
    expect(new FaultInjector().decide(box)).toEqual({ latencyMs: 0, terminal: undefined, labels: [] });
  });

  it('matches by endpoint and by game id', () => {
    const plan: FaultPlan = {
      rules: [{ endpoint: 'playbyplayv3', gameId: '0022400061', action: { kind: 'server-error' } }],
    };
    const faults = new FaultInjector(plan);
    expect(faults.decide(box).terminal).toBeUndefined();
    expect(faults.decide({ ...pbp, gameId: '0022400062' }).terminal).toBeUndefined();
    expect(faults.decide(pbp).terminal).toEqual({ kind: 'server-error' });
  });

  it('honours after and times', () => {
    const faults = new FaultInjector({ rules: [{ after: 2, times: 2, action: { kind: 'empty-body' } }] });
    const kinds = Array.from({ length: 6 }, () => faults.decide(box).terminal?.kind ?? 'ok');
    expect(kinds).toEqual(['ok', 'ok', 'empty-body', 'empty-body', 'ok', 'ok']);
  });

  it('fires a rate rule about as often as asked, the same way for the same seed', () => {
    const run = () => {
      const faults = new FaultInjector({ seed: 5, rules: [{ rate: 0.25, action: { kind: 'reset' } }] });
      return Array.from({ length: 400 }, () => faults.decide(box).terminal?.kind ?? 'ok');
    };
    const first = run();
    expect(run()).toEqual(first);
    const hits = first.filter((k) => k === 'reset').length;
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(140);
  });

  it('adds up latency rules and still applies a terminal rule', () => {
    const faults = new FaultInjector({
      rules: [
        { action: { kind: 'latency', ms: 20 } },
        { endpoint: 'boxscoretraditionalv3', action: { kind: 'latency', ms: 30 } },
        { endpoint: 'boxscoretraditionalv3', action: { kind: 'throttle', retryAfterSeconds: 9 } },
      ],
    });
    expect(faults.decide(box)).toEqual({
      latencyMs: 50,
      terminal: { kind: 'throttle', retryAfterSeconds: 9 },
      labels: ['latency', 'latency', 'throttle'],
    });
    expect(faults.decide(pbp)).toEqual({ latencyMs: 20, terminal: undefined, labels: ['latency'] });
  });

  it('bans every request for a while after N requests, then lets them through again', () => {
    let now = 0;
    const faults = new FaultInjector(
      { rules: [{ action: { kind: 'ban', afterRequests: 3, seconds: 60, mode: 'forbidden' } }] },
      () => now,
    );
    const decide = () => faults.decide(box).terminal?.kind ?? 'ok';
    expect([decide(), decide(), decide()]).toEqual(['ok', 'ok', 'ok']);
    expect(decide()).toBe('forbidden');
    now = 59_000;
    expect(faults.decide(pbp).labels).toEqual(['ban:forbidden']);
    now = 60_001;
    expect(decide()).toBe('ok');
  });

  it('bans once with times: 1, and says while the ban lasts', () => {
    let now = 0;
    const faults = new FaultInjector(
      { rules: [{ times: 1, action: { kind: 'ban', afterRequests: 1, seconds: 10, mode: 'stall' } }] },
      () => now,
    );
    const decide = () => faults.decide(box).terminal?.kind ?? 'ok';
    expect([decide(), decide(), faults.banActive()]).toEqual(['ok', 'stall', true]);
    now = 10_001;
    expect(faults.banActive()).toBe(false);
    expect([decide(), decide(), decide()]).toEqual(['ok', 'ok', 'ok']);
  });

  it('resets counters when the plan is replaced', () => {
    const faults = new FaultInjector({ rules: [{ times: 1, action: { kind: 'stall' } }] });
    expect(faults.decide(box).terminal?.kind).toBe('stall');
    expect(faults.decide(box).terminal).toBeUndefined();
    faults.setPlan(faults.plan);
    expect(faults.decide(box).terminal?.kind).toBe('stall');
  });
});
