import { createSimServer, type SimServer, type SimServerOptions } from '@repo/nba-sim';

/** A simulator answering the apps the way stats.nba.com would: HTTPS, HTTP/2, the bot check on. */
export interface EdgeSim {
  readonly sim: SimServer;
  /** The API the apps call: `https://127.0.0.1:<port>/stats`, through the edge. */
  readonly statsUrl: string;
  /** The same simulator over plain HTTP, for a test's own looks (no edge there). */
  readonly plainStatsUrl: string;
  /** What an app needs to call it: the URL, and trust in the self-signed certificate. */
  readonly apiEnv: { readonly NBA_API_BASE_URL: string; readonly NBA_API_INSECURE_TLS: 'true' };
}

/** Builds and starts a simulator with its TLS port (any free one) and the edge. */
export async function startEdgeSim(options: Omit<SimServerOptions, 'tlsPort' | 'edge'>): Promise<EdgeSim> {
  const sim = createSimServer({ ...options, tlsPort: 0, edge: true });
  const { statsUrl: plainStatsUrl, tlsStatsUrl } = await sim.listen(0, '127.0.0.1');
  if (tlsStatsUrl === undefined) throw new Error('the simulator did not open its TLS port');
  return {
    sim,
    statsUrl: tlsStatsUrl,
    plainStatsUrl,
    apiEnv: { NBA_API_BASE_URL: tlsStatsUrl, NBA_API_INSECURE_TLS: 'true' },
  };
}
