/** One team of a V3 box score, as far as cutting it goes. */
interface TeamPlayers {
  players?: unknown[];
}

const PLAYERS_KEPT = 2;

/**
 * The `truncated` fault's body: the real answer cut short, keeping its shape. Box scores keep
 * two players per team (the team totals stay whole, so they no longer add up), play-by-play the
 * first half of its actions, V2 row sets their first tenth. Other bodies pass unchanged. Pure.
 */
export function truncateAnswer(endpoint: string, body: string): string {
  const json = JSON.parse(body) as Record<string, unknown>;
  const v3 = Object.values(json).find(
    (value): value is Record<string, unknown> =>
      typeof value === 'object' && value !== null && ('homeTeam' in value || 'actions' in value),
  );
  if (v3 !== undefined) {
    for (const side of ['homeTeam', 'awayTeam'] as const) {
      const team = v3[side] as TeamPlayers | undefined;
      if (Array.isArray(team?.players)) team.players = team.players.slice(0, PLAYERS_KEPT);
    }
    if (Array.isArray(v3.actions)) v3.actions = v3.actions.slice(0, Math.ceil(v3.actions.length / 2));
    return JSON.stringify(json);
  }
  const sets = json.resultSets;
  if (Array.isArray(sets)) {
    for (const set of sets as { rowSet?: unknown[] }[])
      if (Array.isArray(set.rowSet)) set.rowSet = set.rowSet.slice(0, Math.ceil(set.rowSet.length / 10));
    return JSON.stringify(json);
  }
  void endpoint;
  return body;
}
