import { randomBytes } from 'node:crypto';
import type { Route } from './routes/route.js';

/** A subset of the real response headers (REFERENCE §1.4); the cookie differs per response, as Akamai's does. */
export function statsHeaders(route: Route): Record<string, string> {
  return {
    'Accept-Ranges': 'bytes',
    'Strict-Transport-Security': 'max-age=86400',
    'Set-Cookie': `bm_sv=${randomBytes(24).toString('hex').toUpperCase()}~1; Domain=.nba.com; Path=/; Max-Age=7162; Secure`,
    'x-status': 'hit',
    'x-hits': '1',
    'x-cache-ability': 'cacheable',
    'x-full-ttl': route.fullTtl,
    'x-grace': '86400.000',
    'x-datasource': route.dataSource,
    'x-vcl-region': 'West US2',
    'x-envoy-upstream-service-time': '0',
  };
}
