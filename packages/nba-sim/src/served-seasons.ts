import type { PlayedGame, RouteContext, SeasonView } from './routes/route.js';
import type { SimulatedGame } from './season/game-simulation.js';
import { type GameStatus, gameStatus, type PlayedStatus, playedGames } from './season/game-status.js';
import { GameStore, type GameTotals, gameTotals } from './season/game-store.js';
import type { ScheduledGame } from './season/game-types.js';
import { buildSeason, type Season, type SeasonSlice, selectGames, shiftSlice } from './season/season.js';
import { parseSeason } from './season/season-calendar.js';
import { type SeasonSummary, summarizeSeason } from './season/season-summary.js';
import { correctAssists } from './season/stat-correction.js';
import type { SimState } from './sim-state.js';

/** One served season as of the simulator's `today`, with its stat corrections. */
export class ServedSeason implements SeasonView {
  readonly store: GameStore;
  private readonly sliceGames: readonly ScheduledGame[];
  private readonly sliceIds: ReadonlySet<string>;
  private summaryMemo: { readonly today: string | undefined; readonly summary: SeasonSummary } | undefined;

  constructor(
    readonly season: Season,
    readonly slice: SeasonSlice,
    private readonly serveUnlisted: boolean,
    private readonly state: SimState,
  ) {
    this.store = new GameStore(season);
    this.sliceGames = selectGames(season, slice);
    this.sliceIds = new Set(this.sliceGames.map((g) => g.gameId));
  }

  listedGames(): ScheduledGame[] {
    return playedGames(this.sliceGames, this.state.today);
  }

  status(game: ScheduledGame): GameStatus {
    return gameStatus(game.gameDate, this.state.today);
  }

  isLive(game: ScheduledGame): boolean {
    return this.status(game) === 'live';
  }

  lookupGame(gameId: string): PlayedGame | undefined {
    const game = this.season.gameById.get(gameId);
    if (!game || (!this.serveUnlisted && !this.sliceIds.has(gameId))) return undefined;
    return this.status(game) === 'scheduled' ? undefined : { game, sim: this.play(game) };
  }

  play(game: ScheduledGame): SimulatedGame {
    return correctAssists(
      this.store.play(game, this.playedStatus(game)),
      this.state.correctionsOf(game.gameId),
    );
  }

  totalsOf(game: ScheduledGame): GameTotals {
    const status = this.playedStatus(game);
    // Corrected games are rare: their totals come from the corrected game, not the memo.
    return this.state.correctionsOf(game.gameId) === 0
      ? this.store.totalsOf(game, status)
      : gameTotals(this.play(game), status);
  }

  /** `/__sim/season`: memoized per `today` (corrections move no number it reports). */
  summary(): SeasonSummary {
    const { today } = this.state;
    if (!this.summaryMemo || this.summaryMemo.today !== today) {
      const summary = summarizeSeason(this.season, this.slice, {
        today,
        summarize: (game, status) => this.store.totalsOf(game, status).summary,
      });
      this.summaryMemo = { today, summary };
    }
    return this.summaryMemo.summary;
  }

  private playedStatus(game: ScheduledGame): PlayedStatus {
    const status = this.status(game);
    if (status === 'scheduled') throw new Error(`game ${game.gameId} has not started by ${this.state.today}`);
    return status;
  }
}

export interface ServedSeasonsOptions {
  readonly seed: number;
  /** Served seasons, first one first; at most one per two-digit start year (game ids carry it). */
  readonly seasons: readonly string[];
  /** Written in the first season's dates; every other season gets it shifted by whole years. */
  readonly slice: SeasonSlice;
  readonly serveUnlistedGames: boolean;
}

/**
 * Every served season, each built on first use (~0.3 s) except the first, which is built at once.
 * The route context: `Season=` picks a season by name, a game id by its two year digits.
 */
export class ServedSeasons implements RouteContext {
  readonly names: readonly string[];
  readonly firstSeason: ServedSeason;
  private readonly built = new Map<string, ServedSeason>();
  private readonly byYearDigits: ReadonlyMap<string, string>;

  constructor(
    private readonly options: ServedSeasonsOptions,
    private readonly state: SimState,
  ) {
    const [first] = options.seasons;
    if (first === undefined) throw new Error('ServedSeasons: expected at least one season, got none');
    this.names = options.seasons;
    this.byYearDigits = new Map(options.seasons.map((s) => [s.slice(2, 4), s]));
    if (this.byYearDigits.size !== options.seasons.length)
      throw new Error(`ServedSeasons: two seasons share game-id year digits in ${options.seasons.join(',')}`);
    this.firstSeason = this.build(first);
  }

  /** The seasons built so far, in build order (the first at once, the others on first use). */
  get builtSeasons(): readonly string[] {
    return [...this.built.keys()];
  }

  season(name: string): ServedSeason | undefined {
    if (!this.names.includes(name)) return undefined;
    return this.built.get(name) ?? this.build(name);
  }

  /** `002YYNNNNN` and friends belong to the season starting in (19|20)YY, if it is served. */
  seasonOfGame(gameId: string): ServedSeason | undefined {
    const name = this.byYearDigits.get(gameId.slice(3, 5));
    return name === undefined ? undefined : this.season(name);
  }

  lookupGame(gameId: string): PlayedGame | undefined {
    return this.seasonOfGame(gameId)?.lookupGame(gameId);
  }

  private build(name: string): ServedSeason {
    const parsed = parseSeason(name);
    if (!parsed) throw new Error(`ServedSeasons: expected season as YYYY-YY, got "${name}"`);
    const season = buildSeason({ seed: this.options.seed, season: name });
    // The slice is written in the first season's dates (the first built is the first season).
    const firstYear = this.built.values().next().value?.season.startYear ?? parsed.startYear;
    const slice = shiftSlice(this.options.slice, parsed.startYear - firstYear);
    const served = new ServedSeason(season, slice, this.options.serveUnlistedGames, this.state);
    this.built.set(name, served);
    return served;
  }
}
