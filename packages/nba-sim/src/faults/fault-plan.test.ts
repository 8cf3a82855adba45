import { describe, expect, it } from 'vitest';
import { parseFaultPlan } from './fault-plan.js';

describe('parseFaultPlan', () => {
  it('accepts every action kind', () => {
    const plan = {
      seed: 3,
      rules: [
        { endpoint: 'playbyplayv3', rate: 0.5, action: { kind: 'latency', ms: 100 } },
        { gameId: '0022400061', after: 1, times: 2, action: { kind: 'stall' } },
        { action: { kind: 'reset' } },
        { action: { kind: 'server-error' } },
        { action: { kind: 'throttle', retryAfterSeconds: 30 } },
        { action: { kind: 'forbidden' } },
        { action: { kind: 'bad-request', message: 'Invalid date' } },
        { action: { kind: 'empty-body' } },
        { action: { kind: 'wrong-shape' } },
        { action: { kind: 'ban', afterRequests: 100, seconds: 3600, mode: 'reset' } },
      ],
    };
    expect(parseFaultPlan(plan)).toEqual(plan);
  });

  it.each([
    [null, 'plan: expected {"rules": [...]}, got null (null)'],
    [{ rules: [{ action: { kind: 'boom' } }] }, 'rules[0].action.kind: expected one of'],
    [
      { rules: [{ rate: 2, action: { kind: 'reset' } }] },
      'rules[0].rate: expected a number in [0, 1], got 2 (number)',
    ],
    [
      { rules: [{ action: { kind: 'latency', ms: '5' } }] },
      'rules[0].action.ms: expected a number in [0, Infinity], got "5" (string)',
    ],
    [
      { rules: [{ action: { kind: 'ban', afterRequests: 1, seconds: 1, mode: 'explode' } }] },
      'rules[0].action.mode',
    ],
    [{ rules: [{ endpoint: 5, action: { kind: 'reset' } }] }, 'rules[0].endpoint: expected a string'],
  ])('rejects %j', (input, message) => {
    expect(() => parseFaultPlan(input)).toThrow(message);
  });
});
