import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, DATASET_SCHEMAS } from '../bronze/index.js';
import { ENDPOINTS, endpointFor, REQUEST_NAMES } from './registry.js';

describe('ENDPOINTS', () => {
  it('has one entry per request name, under its own name', () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...REQUEST_NAMES].sort());
    for (const request of REQUEST_NAMES) expect(endpointFor(request).request).toBe(request);
  });

  it('uses the V3 per-game endpoints and the V2 season lists', () => {
    expect(
      Object.fromEntries(REQUEST_NAMES.map((request) => [request, endpointFor(request).endpoint])),
    ).toEqual({
      schedule: 'leaguegamelog',
      players: 'commonallplayers',
      'box-score': 'boxscoretraditionalv3',
      'play-by-play': 'playbyplayv3',
      'box-score-advanced': 'boxscoreadvancedv3',
    });
  });

  it('writes every dataset exactly once, each with a schema', () => {
    const written = REQUEST_NAMES.flatMap((request) => endpointFor(request).datasets);
    expect([...written].sort()).toEqual([...DATASET_NAMES].sort());
    for (const dataset of written) expect(DATASET_SCHEMAS[dataset].dataset).toBe(dataset);
  });

  it('returns parameters sorted by key, as nba_api sends them', () => {
    const target = { season: '2024-25', seasonType: 'Playoffs', gameId: '0042400101' } as const;
    for (const request of REQUEST_NAMES) {
      const keys = Object.keys(endpointFor(request).params(target));
      expect(keys).toEqual([...keys].sort());
    }
  });
});
