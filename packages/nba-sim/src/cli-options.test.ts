import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.js';

describe('parseCliOptions', () => {
  it('defaults to 127.0.0.1:8787 and the full season', () => {
    expect(parseCliOptions([], {})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      seed: undefined,
      maxGames: undefined,
    });
  });

  it('reads the environment and lets flags win', () => {
    const env = {
      PORT: '9000',
      SIM_SEED: '7',
      SIM_DATE_FROM: '2024-10-31',
      SIM_SEASON_TYPES: 'Regular Season,PlayIn',
    };
    expect(parseCliOptions(['--port', '9001', '--max-games', '20'], env)).toMatchObject({
      port: 9001,
      seed: 7,
      dateFrom: '2024-10-31',
      maxGames: 20,
      seasonTypes: ['Regular Season', 'PlayIn'],
    });
  });

  it('parses an inline fault plan', () => {
    const options = parseCliOptions(['--faults', '{"rules":[{"action":{"kind":"reset"}}]}'], {});
    expect(options).toMatchObject({ faults: { rules: [{ action: { kind: 'reset' } }] } });
  });

  it.each([
    [['--port', 'x'], '--port: expected an integer in [0, 65535], got "x" (string)'],
    [['--season', '2024-26'], '--season: expected YYYY-YY'],
    [['--date-to', '04/13/2025'], '--date-to: expected a date YYYY-MM-DD'],
    [['--season-types', 'Preseason'], '--season-types: expected a list of'],
    [['--faults', '{"rules":1}'], '--faults: expected a fault plan'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv, {})).toThrow(message);
  });

  it('names the environment variable when the value came from there', () => {
    expect(() => parseCliOptions([], { SIM_MAX_GAMES: '-1' })).toThrow('SIM_MAX_GAMES: expected an integer');
  });

  it('reads the TLS port and the edge from flags or the environment', () => {
    expect(parseCliOptions([], {})).toMatchObject({ tlsPort: undefined, edge: undefined });
    expect(parseCliOptions(['--tls-port', '8443', '--edge'], {})).toMatchObject({
      tlsPort: 8443,
      edge: true,
    });
    expect(parseCliOptions([], { SIM_TLS_PORT: '0', SIM_EDGE: 'true' })).toMatchObject({
      tlsPort: 0,
      edge: true,
    });
    expect(parseCliOptions(['--tls-port', '9443'], { SIM_TLS_PORT: '1', SIM_EDGE: '0' })).toMatchObject({
      tlsPort: 9443,
      edge: false,
    });
    expect(parseCliOptions(['--edge'], { SIM_TLS_PORT: '8443', SIM_EDGE: 'no' })).toMatchObject({
      edge: true,
    });
  });

  it.each([
    [['--edge'], {}, '--edge: needs a TLS port (--tls-port or SIM_TLS_PORT)'],
    [[], { SIM_EDGE: '1' }, 'SIM_EDGE: needs a TLS port'],
    [
      [],
      { SIM_TLS_PORT: '8443', SIM_EDGE: 'maybe' },
      'SIM_EDGE: expected 1/true/yes or 0/false/no, got "maybe"',
    ],
    [['--tls-port', '70000'], {}, '--tls-port: expected an integer in [0, 65535]'],
  ])('rejects %j with env %j', (argv, env, message) => {
    expect(() => parseCliOptions(argv, env)).toThrow(message);
  });

  it('reads several seasons as a list and/or a range, the first one as season', () => {
    expect(parseCliOptions(['--season', '2024-25'], {})).toMatchObject({
      season: '2024-25',
      seasons: ['2024-25'],
    });
    expect(parseCliOptions([], { SIM_SEASON: '2024-25,2022-23..2023-24' })).toMatchObject({
      season: '2024-25',
      seasons: ['2024-25', '2022-23', '2023-24'],
    });
    expect(parseCliOptions([], {})).toMatchObject({ season: undefined, seasons: undefined });
  });

  it('reads today and corrections from flags or the environment', () => {
    expect(parseCliOptions(['--today', '2025-01-15'], { SIM_TODAY: '2024-11-01' })).toMatchObject({
      today: '2025-01-15',
    });
    expect(
      parseCliOptions([], { SIM_TODAY: '2024-11-01', SIM_CORRECTIONS: '0022400061, 0022400062' }),
    ).toMatchObject({ today: '2024-11-01', corrections: ['0022400061', '0022400062'] });
    expect(parseCliOptions([], {})).toMatchObject({ today: undefined, corrections: undefined });
  });

  it.each([
    [['--season', '2024-25..2022-23'], {}, '--season: expected YYYY-YY with consecutive years, a comma list'],
    [[], { SIM_SEASON: '2024-25,1924-25' }, 'SIM_SEASON: expected YYYY-YY'],
    [[], { SIM_SEASON: '2023-24,2024-26' }, '"2024-26" is not YYYY-YY'],
    [['--today', '2025-02-30'], {}, '--today: expected a date YYYY-MM-DD, got "2025-02-30" (string)'],
    [[], { SIM_TODAY: '01/15/2025' }, 'SIM_TODAY: expected a date YYYY-MM-DD, got "01/15/2025" (string)'],
    [
      [],
      { SIM_CORRECTIONS: '0022400061,61' },
      'SIM_CORRECTIONS: expected a comma list of 10-digit game ids, got "61"',
    ],
  ])('rejects %j with env %j', (argv, env, message) => {
    expect(() => parseCliOptions(argv, env)).toThrow(message);
  });

  it('answers help', () => {
    expect(parseCliOptions(['--help'], {})).toBe('help');
  });
});
