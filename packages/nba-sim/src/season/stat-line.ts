/** Counting stats of one player in one game; the box score and the game logs are sums of these. */
export interface StatLine {
  seconds: number;
  fgm: number;
  fga: number;
  fg3m: number;
  fg3a: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  ast: number;
  stl: number;
  blk: number;
  tov: number;
  pf: number;
  pts: number;
  plusMinus: number;
}

export const STAT_KEYS = [
  'seconds',
  'fgm',
  'fga',
  'fg3m',
  'fg3a',
  'ftm',
  'fta',
  'oreb',
  'dreb',
  'ast',
  'stl',
  'blk',
  'tov',
  'pf',
  'pts',
  'plusMinus',
] as const satisfies readonly (keyof StatLine)[];

export function emptyStatLine(): StatLine {
  return {
    seconds: 0,
    fgm: 0,
    fga: 0,
    fg3m: 0,
    fg3a: 0,
    ftm: 0,
    fta: 0,
    oreb: 0,
    dreb: 0,
    ast: 0,
    stl: 0,
    blk: 0,
    tov: 0,
    pf: 0,
    pts: 0,
    plusMinus: 0,
  };
}

export function sumStatLines(lines: readonly StatLine[]): StatLine {
  const total = emptyStatLine();
  for (const line of lines) for (const key of STAT_KEYS) total[key] += line[key];
  return total;
}

/** Made / attempted rounded to 3 decimals; 0 when nothing was attempted (V3 prints 0.0). */
export function percentage(made: number, attempted: number): number {
  return attempted === 0 ? 0 : Math.round((made / attempted) * 1000) / 1000;
}

/** Seconds -> "MM:SS" as V3 prints minutes ("6:30", "240:00"; minutes not zero-padded). */
export function formatMinutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
