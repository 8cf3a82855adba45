import { CLI_HELP, CliOptionsError, parseCliOptions } from './cli-options.js';
import { createSimServer } from './server.js';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCliOptions>;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error: unknown) {
    const message =
      error instanceof CliOptionsError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`nba-sim: ${message}\n\n${CLI_HELP}\n`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(`${CLI_HELP}\n`);
    return;
  }
  const sim = createSimServer(options);
  const { url, statsUrl, tlsUrl, tlsStatsUrl } = await sim.listen(options.port, options.host);
  const games = sim.listedGames.length;
  const others = sim.seasons.slice(1);
  const today = sim.today === undefined ? '' : ` today ${sim.today}`;
  process.stdout.write(
    `nba-sim ${sim.season.season} seed ${sim.season.seed}${today}: ${games} games listed\n`,
  );
  // The other seasons are built on first use; counting their games here would build them all.
  if (others.length > 0) process.stdout.write(`also serving ${others.join(', ')} (built on first use)\n`);
  process.stdout.write(`listening on ${url}  (NBA_API_BASE_URL=${statsUrl})\n`);
  if (tlsUrl)
    process.stdout.write(
      `listening on ${tlsUrl}  (NBA_API_BASE_URL=${tlsStatsUrl}; HTTP/2 and HTTP/1.1, self-signed; ${
        options.edge ? 'edge on: only browser-like TLS ClientHellos are answered' : 'edge off'
      })\n`,
    );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`nba-sim: ${signal}, stopping\n`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
