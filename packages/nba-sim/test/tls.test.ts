import { X509Certificate } from 'node:crypto';
import { connect as tlsConnect } from 'node:tls';
import { gunzipSync } from 'node:zlib';
import { Impit } from 'impit';
import { Agent, request as undiciRequest } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_CIPHER_HASHES, ja4CipherHash, type TlsConnectionEntry } from '../src/index.js';
import {
  NBA_API_HEADERS,
  NBA_API_QUERIES as Q,
  rawGet,
  type StartedSim,
  startSim,
} from './support/start-sim.js';
import { h2Get, httpsGet, outcomeOf } from './support/tls-clients.js';

const SLICE = { seed: 3, dateFrom: '2024-10-31', dateTo: '2024-11-01' };
const BOX = `/stats/boxscoretraditionalv3?${Q.boxScore('0022400061')}`;
const PBP = `/stats/playbyplayv3?${Q.playByPlay('0022400061')}`;
/** How long a held request waits before the test calls it unanswered. */
const NO_ANSWER_MS = 2_000;
const JA4 = /^t1[23][di]\d{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/;

function tlsUrlsOf(started: StartedSim): { tlsUrl: string; tlsStatsUrl: string } {
  if (!started.tlsUrl || !started.tlsStatsUrl) throw new Error('expected a TLS port');
  return { tlsUrl: started.tlsUrl, tlsStatsUrl: started.tlsStatsUrl };
}

describe('simulator over TLS, edge off', () => {
  let started: StartedSim;
  let tlsUrl: string;

  beforeAll(async () => {
    started = await startSim({ ...SLICE, tlsPort: 0 });
    ({ tlsUrl } = tlsUrlsOf(started));
  });
  afterEach(async () => {
    started.sim.faults.setPlan({ rules: [] });
    started.sim.requestLog.clear();
    started.sim.tlsConnections.clear();
  });
  afterAll(async () => {
    await started.sim.close();
  });

  it('serves the same answers over HTTP/2 and HTTP/1.1 (ALPN) as over plain HTTP', async () => {
    expect(tlsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const plain = await rawGet(`${started.url}${BOX}`);
    const h2 = await h2Get(tlsUrl, BOX, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(h2.httpVersion).toBe('2.0');
    expect(h2.status).toBe(200);
    expect(h2.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(h2.headers['content-encoding']).toBe('gzip');
    expect(h2.headers['x-status']).toBe('hit');
    expect(String(h2.headers['set-cookie'])).toMatch(/^bm_sv=/);
    expect(gunzipSync(h2.body).equals(plain.body)).toBe(true);
    const h1 = await httpsGet(`${tlsUrl}${BOX}`, { headers: NBA_API_HEADERS });
    expect(h1.httpVersion).toBe('1.1');
    expect(h1.status).toBe(200);
    expect(gunzipSync(h1.body).equals(plain.body)).toBe(true);
    const bad = await h2Get(tlsUrl, '/stats/boxscoretraditionalv3?GameID=abc');
    expect(bad.status).toBe(400);
    expect((await h2Get(tlsUrl, '/stats/nosuchendpoint')).status).toBe(404);
  });

  it('serves the control routes over TLS on a certificate a client can trust', async () => {
    const pem = started.sim.tlsCertificate ?? '';
    const x509 = new X509Certificate(pem);
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    const health = await httpsGet(`${tlsUrl}/__sim/health`, { ca: pem });
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ ok: true });
    const viaH2 = await h2Get(tlsUrl, '/__sim/health', { ca: pem });
    expect(viaH2.status).toBe(200);
  });

  it('logs the HTTP version and the JA4 of each request; plain HTTP has no JA4', async () => {
    await rawGet(`${started.url}${PBP}`);
    await h2Get(tlsUrl, PBP, { headers: { 'user-agent': 'h2-client' } });
    await httpsGet(`${tlsUrl}${PBP}`);
    const agent = new Agent({ connect: { rejectUnauthorized: false } });
    const viaUndici = await undiciRequest(`${tlsUrl}${PBP}`, { dispatcher: agent });
    await viaUndici.body.text();
    await agent.close();
    const entries = started.sim.requestLog.entries();
    expect(entries.map((e) => [e.httpVersion, e.status])).toEqual([
      ['1.1', 200],
      ['2', 200],
      ['1.1', 200],
      ['1.1', 200],
    ]);
    const [plain, h2, h1, undici] = entries;
    expect(undici?.ja4).toMatch(/^t13i\d{4}h1_/); // ALPN http/1.1, chosen by the server
    expect(plain?.ja4).toBeNull();
    expect(h2?.ja4).toMatch(JA4);
    expect(h2?.ja4).toMatch(/^t13i\d{4}h2_/); // no SNI for an IP, ALPN h2
    expect(h1?.ja4).toMatch(/^t13i\d{4}00_/); // node:https sends no ALPN
    expect(h2).toMatchObject({ path: '/stats/playbyplayv3', query: { GameID: '0022400061' } });
    expect(h2?.headers['user-agent']).toBe('h2-client');
    expect(h2?.headers[':authority']).toBe(tlsUrl.slice('https://'.length));
    const viaHttp = JSON.parse((await h2Get(tlsUrl, '/__sim/requests')).body.toString('utf8'));
    expect(viaHttp).toEqual(entries);
    const connections = JSON.parse(
      (await httpsGet(`${tlsUrl}/__sim/tls-connections`)).body.toString('utf8'),
    ) as TlsConnectionEntry[];
    expect(connections.slice(0, 3)).toMatchObject([
      { ja4: h2?.ja4, tls13: true, alpn: ['h2'], verdict: 'pass', reason: null, remoteAddress: '127.0.0.1' },
      { ja4: h1?.ja4, tls13: true, alpn: [], verdict: 'pass', reason: null },
      { ja4: undici?.ja4, tls13: true, alpn: ['http/1.1'], verdict: 'pass', reason: null },
    ]);
  });

  it('resets the TCP connection under a TLS request for a reset fault, over HTTP/2 and HTTP/1.1', async () => {
    started.sim.faults.setPlan({ rules: [{ endpoint: 'playbyplayv3', action: { kind: 'reset' } }] });
    const h2 = await outcomeOf(h2Get(tlsUrl, PBP));
    const h1 = await outcomeOf(httpsGet(`${tlsUrl}${PBP}`));
    expect(h2.error).toMatch(/ECONNRESET/);
    expect(h1.error).toMatch(/ECONNRESET/);
    expect(started.sim.requestLog.entries().map((e) => [e.httpVersion, e.status, e.fault])).toEqual([
      ['2', null, 'reset'],
      ['1.1', null, 'reset'],
    ]);
    expect((await h2Get(tlsUrl, BOX)).status).toBe(200);
  });
});

describe('the edge: a bot check on the TLS ClientHello', () => {
  let started: StartedSim;
  let tlsUrl: string;
  let tlsStatsUrl: string;
  // undici does not abort a pending TLS connect on the request's signal: its connect timeout
  // (10 s by default) ends it, so it gets the same 2 s.
  const agent = new Agent({ connect: { rejectUnauthorized: false, timeout: NO_ANSWER_MS } });

  beforeAll(async () => {
    started = await startSim({ ...SLICE, tlsPort: 0, edge: true });
    ({ tlsUrl, tlsStatsUrl } = tlsUrlsOf(started));
  });
  afterEach(() => {
    started.sim.requestLog.clear();
    started.sim.tlsConnections.clear();
  });
  afterAll(async () => {
    await agent.destroy();
    await started.sim.close();
  });

  it('accepts node:https, node:http2, undici and fetch connections and never answers them', async () => {
    const signal = AbortSignal.timeout(NO_ANSWER_MS);
    const outcomes = await Promise.all([
      outcomeOf(httpsGet(`${tlsUrl}${BOX}`, { headers: NBA_API_HEADERS, signal })),
      outcomeOf(h2Get(tlsUrl, BOX, { headers: { 'user-agent': NBA_API_HEADERS['User-Agent'] }, signal })),
      outcomeOf(undiciRequest(`${tlsUrl}${BOX}`, { dispatcher: agent, headers: NBA_API_HEADERS, signal })),
      outcomeOf(
        // Node's global fetch with undici's Agent (its bundled undici types differ, not the runtime).
        fetch(`${tlsUrl}${BOX}`, {
          dispatcher: agent,
          headers: NBA_API_HEADERS,
          signal,
        } as unknown as RequestInit),
      ),
    ]);
    for (const outcome of outcomes) {
      // Our own timeout ended each one, not the server: no answer, no close, no reset.
      expect(outcome.answered).toBe(false);
      expect(outcome.error).toMatch(/^(AbortError|TimeoutError|ConnectTimeoutError): /);
      expect(outcome.ms).toBeGreaterThanOrEqual(NO_ANSWER_MS - 50);
    }
    expect(started.sim.requestLog.entries()).toEqual([]);
    const held = started.sim.tlsConnections.entries();
    expect(held.length).toBeGreaterThanOrEqual(3); // fetch may share undici's connection
    for (const entry of held) {
      expect(entry).toMatchObject({ verdict: 'hold', tls13: true });
      expect(entry.ja4).toMatch(JA4);
      expect(Object.values(BROWSER_CIPHER_HASHES)).not.toContain(ja4CipherHash(entry.ja4 ?? ''));
    }
    expect(held.map((e) => e.reason)).toContain('ALPN without h2 (none)');
    expect(held.map((e) => e.reason)).toContainEqual(
      expect.stringMatching(/^cipher hash \w{12} is no browser's$/),
    );
    // The plain HTTP port has no edge.
    expect((await rawGet(`${started.url}${BOX}`)).status).toBe(200);
  });

  it.each([
    ['chrome', BROWSER_CIPHER_HASHES.chrome],
    ['firefox', BROWSER_CIPHER_HASHES.firefox],
  ] as const)(
    'answers an impit request impersonating %s over HTTP/2 (cipher hash %s)',
    async (browser, hash) => {
      const impit = new Impit({ browser, ignoreTlsErrors: true, timeout: 10_000 });
      const res = await impit.fetch(`${tlsStatsUrl}/playbyplayv3?${Q.playByPlay('0022400061')}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { game: { gameId: string } };
      expect(body.game.gameId).toBe('0022400061');
      const [entry] = started.sim.requestLog.entries();
      expect(entry).toMatchObject({ httpVersion: '2', status: 200, endpoint: 'playbyplayv3' });
      expect(ja4CipherHash(entry?.ja4 ?? '')).toBe(hash);
      expect(entry?.ja4).toMatch(/^t13i\d{4}h2_/);
      expect(entry?.headers['user-agent']).toMatch(browser === 'chrome' ? /Chrome\// : /Firefox\//);
      expect(started.sim.tlsConnections.entries()).toMatchObject([
        { ja4: entry?.ja4, verdict: 'pass', reason: null, alpn: ['h2', 'http/1.1'] },
      ]);
    },
  );
});

describe('a held connection', () => {
  it('stays open without a byte from the server until the simulator closes', async () => {
    const started = await startSim({ ...SLICE, tlsPort: 0, edge: true });
    const { port } = new URL(tlsUrlsOf(started).tlsUrl);
    const events: string[] = [];
    const socket = tlsConnect({
      host: '127.0.0.1',
      port: Number(port),
      rejectUnauthorized: false,
      ALPNProtocols: ['h2'],
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('secureConnect', () => events.push('secureConnect'));
    socket.on('data', () => events.push('data'));
    socket.on('error', (error) => events.push(`error ${error.message}`));
    socket.on('close', () => events.push('close'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(events).toEqual([]);
    expect(started.sim.tlsConnections.entries()).toMatchObject([{ verdict: 'hold' }]);
    const t0 = performance.now();
    await started.sim.close();
    await closed;
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(events).not.toContain('secureConnect');
    expect(events).not.toContain('data');
  });

  it('needs a TLS port', async () => {
    await expect(startSim({ edge: true })).rejects.toThrow('edge needs tlsPort');
  });
});
