import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { errorMessage } from './error-message.js';
import { type FaultPlan, parseFaultPlan } from './faults/fault-plan.js';
import { SEASON_TYPES, type SeasonType } from './season/game-types.js';
import { isCalendarDate } from './season/season-calendar.js';
import { parseSeasonList } from './season/season-list.js';
import type { SimServerOptions } from './server.js';

export interface CliOptions extends SimServerOptions {
  readonly port: number;
  readonly host: string;
}

export class CliOptionsError extends Error {
  override readonly name = 'CliOptionsError';
}

export const CLI_HELP = `nba-sim: a deterministic stand-in for stats.nba.com

usage: pnpm sim [--port 8787] [--host 127.0.0.1] [--seed 1] [--season 2024-25]
                [--date-from YYYY-MM-DD] [--date-to YYYY-MM-DD] [--max-games N]
                [--season-types "Regular Season,PlayIn,Playoffs"] [--today YYYY-MM-DD]
                [--corrections 0022400061,...] [--latency-ms 0]
                [--faults '<json>' | --faults @plan.json] [--tls-port 8443 [--edge]]

--season takes one season, a comma list and/or ranges (2023-24,2024-25 or 2022-23..2024-25); the
first is the default one, the slice flags are in its dates and apply to every season shifted by
whole years. --today makes later games unplayed and its own games in progress (3rd period).

--tls-port also serves HTTPS (HTTP/2, HTTP/1.1) on a self-signed certificate made at start;
--edge answers there only TLS ClientHellos that look like Chrome's or Firefox's (JA4), and keeps
every other connection open without a byte, like stats.nba.com's Akamai.

Each flag can also come from the environment: PORT, HOST, SIM_SEED, SIM_SEASON, SIM_DATE_FROM,
SIM_DATE_TO, SIM_MAX_GAMES, SIM_SEASON_TYPES, SIM_TODAY, SIM_CORRECTIONS, SIM_LATENCY_MS,
SIM_FAULTS, SIM_TLS_PORT, SIM_EDGE (1/true/yes or 0/false/no). Flags win.`;

const FLAGS = {
  port: 'PORT',
  host: 'HOST',
  seed: 'SIM_SEED',
  season: 'SIM_SEASON',
  'date-from': 'SIM_DATE_FROM',
  'date-to': 'SIM_DATE_TO',
  'max-games': 'SIM_MAX_GAMES',
  'season-types': 'SIM_SEASON_TYPES',
  today: 'SIM_TODAY',
  corrections: 'SIM_CORRECTIONS',
  'latency-ms': 'SIM_LATENCY_MS',
  faults: 'SIM_FAULTS',
  'tls-port': 'SIM_TLS_PORT',
} as const;

/** Flags without a value; the environment spells them 1/true/yes or 0/false/no. */
const SWITCHES = {
  edge: 'SIM_EDGE',
} as const;

type Flag = keyof typeof FLAGS;
type Switch = keyof typeof SWITCHES;

const shown = (v: string) => `"${v}" (string)`;

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new CliOptionsError(`${name}: expected an integer in [${min}, ${max}], got ${shown(value)}`);
  return n;
}

function isoDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new CliOptionsError(`${name}: expected a date YYYY-MM-DD, got ${shown(value)}`);
  return value;
}

function calendarDate(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value))
    throw new CliOptionsError(`${name}: expected a date YYYY-MM-DD, got ${shown(value)}`);
  return value;
}

function seasonList(name: string, value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const parsed = parseSeasonList(value);
  if (!parsed.ok)
    throw new CliOptionsError(
      `${name}: expected YYYY-YY with consecutive years, a comma list or a range YYYY-YY..YYYY-YY: ${parsed.reason}`,
    );
  return parsed.seasons;
}

function gameIds(name: string, value: string | undefined): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const ids = value.split(',').map((id) => id.trim());
  const bad = ids.find((id) => !/^\d{10}$/.test(id));
  if (bad !== undefined)
    throw new CliOptionsError(`${name}: expected a comma list of 10-digit game ids, got ${shown(bad)}`);
  return ids;
}

function faultPlan(name: string, value: string | undefined): FaultPlan | undefined {
  if (value === undefined) return undefined;
  try {
    const text = value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value;
    return parseFaultPlan(JSON.parse(text));
  } catch (error: unknown) {
    throw new CliOptionsError(`${name}: expected a fault plan as JSON or @file, ${errorMessage(error)}`);
  }
}

function yesNo(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(1|true|yes)$/i.test(value)) return true;
  if (/^(0|false|no)$/i.test(value)) return false;
  throw new CliOptionsError(`${name}: expected 1/true/yes or 0/false/no, got ${shown(value)}`);
}

/** Reads flags over env; pure apart from reading an `@file` fault plan. Throws CliOptionsError. */
export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions | 'help' {
  const stringFlags = Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' as const }]));
  const switches = Object.fromEntries(Object.keys(SWITCHES).map((k) => [k, { type: 'boolean' as const }]));
  const { values } = parseArgs({
    args: [...argv],
    options: { ...stringFlags, ...switches, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help === true) return 'help';
  const flagValues: Record<string, unknown> = values;
  const read = (flag: Flag): [string, string | undefined] => {
    const fromFlag = flagValues[flag];
    return typeof fromFlag === 'string'
      ? [`--${flag}`, fromFlag]
      : [FLAGS[flag], env[FLAGS[flag]] || undefined];
  };
  const readSwitch = (flag: Switch): boolean | undefined =>
    flagValues[flag] === true ? true : yesNo(SWITCHES[flag], env[SWITCHES[flag]] || undefined);
  const seasons = seasonList(...read('season'));
  const [typesName, types] = read('season-types');
  const seasonTypes = types?.split(',').map((t) => t.trim());
  const badType = seasonTypes?.find((t) => !SEASON_TYPES.includes(t as SeasonType));
  if (badType !== undefined)
    throw new CliOptionsError(
      `${typesName}: expected a list of ${SEASON_TYPES.join(', ')}, got ${shown(badType)}`,
    );
  const tlsPort = integer(...read('tls-port'), 0, 65535);
  const edge = readSwitch('edge');
  if (edge && tlsPort === undefined)
    throw new CliOptionsError(
      `${flagValues.edge === true ? '--edge' : SWITCHES.edge}: needs a TLS port (--tls-port or ${FLAGS['tls-port']})`,
    );
  return {
    port: integer(...read('port'), 0, 65535) ?? 8787,
    host: read('host')[1] ?? '127.0.0.1',
    seed: integer(...read('seed'), 0, 2 ** 32 - 1),
    season: seasons?.[0],
    seasons,
    dateFrom: isoDate(...read('date-from')),
    dateTo: isoDate(...read('date-to')),
    maxGames: integer(...read('max-games'), 0, 100_000),
    seasonTypes: seasonTypes as SeasonType[] | undefined,
    today: calendarDate(...read('today')),
    corrections: gameIds(...read('corrections')),
    latencyMs: integer(...read('latency-ms'), 0, 600_000),
    faults: faultPlan(...read('faults')),
    tlsPort,
    edge,
  };
}
