import { isIP } from 'node:net';

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * The start-up warning for a dashboard that others can reach with nothing asked of them: it
 * shows the whole run and, unless read-only, lets anyone retry, pause or clean failed jobs.
 */
export function exposureWarning(options: {
  readonly host: string;
  readonly authEnabled: boolean;
}): string | undefined {
  if (options.authEnabled || isLoopbackHost(options.host)) return undefined;
  return 'dashboard listens beyond loopback without basic auth: set DASHBOARD_USER and DASHBOARD_PASSWORD';
}
