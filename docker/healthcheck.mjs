// The image's HEALTHCHECK: node healthcheck.mjs [dashboard|sim|worker|planner]
// Without an argument the role is read from the container's main process (/proc/1/cmdline).
//   dashboard  GET /healthz (answers 503 when Redis is unreachable)
//   sim        GET /__sim/health
//   worker     Redis answers PING at REDIS_URL. A worker has no HTTP port; its process exiting
//              ends the container, so what is left to check is the queue it needs.
// A container probe, not app code: it reads the same variables with the same defaults as
// packages/shared/src/config/schema.ts, and no more.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';

const TIMEOUT_MS = 4_000;

function detectRole() {
  let cmdline = '';
  try {
    cmdline = readFileSync('/proc/1/cmdline', 'utf8').split('\0').join(' ');
  } catch {
    return 'worker';
  }
  if (/\bdashboard\b/.test(cmdline)) return 'dashboard';
  if (/\b(nba-sim|sim)\b/.test(cmdline)) return 'sim';
  return 'worker';
}

async function httpOk(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
}

function localHost(host) {
  return !host || host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
}

/** One RESP command as an array of bulk strings. */
function resp(...args) {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

function redisPing(redisUrl) {
  const url = new URL(redisUrl);
  const port = Number(url.port || 6379);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const commands = [];
  if (url.password) {
    const password = decodeURIComponent(url.password);
    commands.push(
      url.username ? resp('AUTH', decodeURIComponent(url.username), password) : resp('AUTH', password),
    );
  }
  commands.push(resp('PING'));
  return new Promise((resolve, reject) => {
    const socket =
      url.protocol === 'rediss:'
        ? tls.connect({ host, port, servername: host })
        : net.connect({ host, port });
    let received = '';
    const fail = (error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(TIMEOUT_MS, () => fail(new Error(`Redis at ${host}:${port} did not answer`)));
    socket.on('error', fail);
    socket.on(url.protocol === 'rediss:' ? 'secureConnect' : 'connect', () =>
      socket.write(commands.join('')),
    );
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      if (received.startsWith('-') || received.includes('\r\n-')) {
        fail(new Error(`Redis refused: ${received.trim().split('\r\n').pop()}`));
      } else if (received.includes('+PONG\r\n')) {
        socket.end();
        resolve();
      }
    });
  });
}

async function check(role, env) {
  switch (role) {
    case 'dashboard':
      return httpOk(`http://${localHost(env.DASHBOARD_HOST)}:${env.DASHBOARD_PORT || 3000}/healthz`);
    case 'sim':
    case 'nba-sim':
      return httpOk(`http://${localHost(env.HOST)}:${env.PORT || 8787}/__sim/health`);
    case 'worker':
    case 'planner':
      return redisPing(env.REDIS_URL || 'redis://localhost:6379');
    default:
      throw new Error(`unknown role "${role}": expected dashboard, sim, worker or planner`);
  }
}

const role = process.argv[2] ?? detectRole();
check(role, process.env).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`healthcheck ${role}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
