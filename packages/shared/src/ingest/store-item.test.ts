import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, NbaRequestError } from '../nba/index.js';
import { itemMetadata, parseBody } from './store-item.js';

const BODY = readFileSync(
  new URL('../../test/fixtures/nba/leaguegamelog_T_2025-26_RS_TRUNCATED30.json', import.meta.url),
  'utf8',
);
const ingestedAt = new Date('2026-02-22T05:36:00.000Z');
const ctx = { season: '2025-26', seasonType: 'Regular Season' as const, ingestedAt };

describe('parseBody', () => {
  it("gives the endpoint's rows of a JSON body", () => {
    const rows = parseBody(ENDPOINTS.schedule, BODY, ctx);
    expect(rows.games).toHaveLength(30); // one row per team and game, as the game log gives them
  });

  it('calls a body that is not JSON a parse failure, naming the endpoint', () => {
    let failure: unknown;
    try {
      parseBody(ENDPOINTS.schedule, '<html>Access Denied</html>', ctx);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(NbaRequestError);
    expect((failure as NbaRequestError).kind).toBe('parse');
    expect((failure as NbaRequestError).message).toBe(
      'leaguegamelog answered 200 with a body that is not JSON',
    );
  });
});

describe('itemMetadata', () => {
  it('carries the source endpoint, the quality score and the fetch time', () => {
    const rows = parseBody(ENDPOINTS.schedule, BODY, ctx);
    const { metadata, quality } = itemMetadata(ENDPOINTS.schedule, rows, ingestedAt);
    expect(metadata).toMatchObject({
      'source-endpoint': 'leaguegamelog',
      'ingested-at': '2026-02-22T05:36:00.000Z',
      'quality-score': String(quality.score),
    });
    expect(itemMetadata(ENDPOINTS.schedule, rows).metadata).not.toHaveProperty('ingested-at');
  });
});
