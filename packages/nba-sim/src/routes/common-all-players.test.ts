import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commonAllPlayers } from './common-all-players.js';
import { createRouteContext, queryOf } from './route-test-context.js';

type Row = (string | number | null)[];
interface Body {
  resource: string;
  parameters: Record<string, unknown>;
  resultSets: { name: string; headers: string[]; rowSet: Row[] }[];
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../test/fixtures/nba/commonallplayers_2025-26_TRUNCATED26.json', import.meta.url),
  ).toString('utf8'),
) as Body;
const ctx = createRouteContext(1);
const get = (search: string) => JSON.parse(commonAllPlayers.handle(queryOf(search), ctx).body) as Body;

describe('commonallplayers', () => {
  const current = get('IsOnlyCurrentSeason=1&LeagueID=00&Season=2024-25');
  const all = get('IsOnlyCurrentSeason=0&LeagueID=00&Season=2024-25');
  const rows = current.resultSets[0]?.rowSet ?? [];

  it('matches the real envelope and 16 headers', () => {
    expect(Object.keys(current)).toEqual(Object.keys(fixture));
    expect(Object.keys(current.parameters)).toEqual(Object.keys(fixture.parameters));
    expect(current.parameters.IsOnlyCurrentSeason).toBe(1);
    expect(current.resultSets[0]?.headers).toEqual(fixture.resultSets[0]?.headers);
  });

  it('lists the rostered players of the season with team fields', () => {
    expect(rows).toHaveLength(450);
    for (const r of rows) {
      expect(r[3]).toBe(1);
      expect(typeof r[8]).toBe('number');
      expect(r[13]).not.toBeNull();
      expect(r[5]).toBe('2024');
    }
    expect(rows.some((r) => String(r[2]).includes('Vučević'))).toBe(true);
    const names = rows.map((r) =>
      String(r[1])
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
  });

  it('adds historical players (TEAM_ID 0, TEAM_SLUG null) when not only current', () => {
    const historical = (all.resultSets[0]?.rowSet ?? []).filter((r) => r[3] === 0);
    expect(historical.length).toBeGreaterThan(100);
    for (const r of historical) expect([r[8], r[13]]).toEqual([0, null]);
  });

  it('has unique 7-digit-style person ids', () => {
    const ids = (all.resultSets[0]?.rowSet ?? []).map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
