import { checkGameId, checkInteger, compact, integerParam } from './param-checks.js';
import { badRequest, jsonResult, type Route } from './route.js';
import { v3Meta } from './v3-meta.js';

export const playByPlayV3: Route = {
  endpoint: 'playbyplayv3',
  fullTtl: '1800.000',
  dataSource: 'S3',
  keyParams: ['GameID', 'StartPeriod', 'EndPeriod'],
  handle(query, ctx) {
    const errors = compact([
      checkGameId(query),
      checkInteger(query, 'StartPeriod'),
      checkInteger(query, 'EndPeriod'),
    ]);
    if (errors.length > 0) return badRequest(errors);
    const gameId = query.get('GameID') ?? '';
    const played = ctx.lookupGame(gameId);
    const meta = v3Meta(gameId, played?.game.gameDate, 'playbyplay');
    if (!played)
      return jsonResult(JSON.stringify({ meta, game: { gameId, videoAvailable: 0, actions: [] } }));
    // 0 (the default) means "from the first" / "to the last" period.
    const start = integerParam(query, 'StartPeriod') || 1;
    const end = integerParam(query, 'EndPeriod') || Number.POSITIVE_INFINITY;
    const all = played.sim.actions;
    const actions =
      start === 1 && end === Number.POSITIVE_INFINITY
        ? all
        : all.filter((a) => a.period >= start && a.period <= end);
    return jsonResult(JSON.stringify({ meta, game: { gameId, videoAvailable: 1, actions } }));
  },
};
