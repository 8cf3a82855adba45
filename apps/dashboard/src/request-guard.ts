import type { Request, RequestHandler, Response } from 'express';
import { type HostRules, isKnownHost, unknownHostReason } from './host-check.js';
import { changeRefusal } from './same-origin.js';

/** JSON answers for the APIs (the dashboard's and bull-board's), text for pages. */
export function isApiPath(req: Request): boolean {
  const path = req.originalUrl.split('?')[0] ?? '';
  return path.startsWith('/api/') || path.startsWith('/queues/api/');
}

/** 403 with the reason: `{ error: 'forbidden', reason }` for the APIs, the reason as text otherwise. */
export function forbid(req: Request, res: Response, reason: string): void {
  res.status(403);
  if (isApiPath(req)) res.json({ error: 'forbidden', reason });
  else res.type('text/plain; charset=utf-8').send(reason);
}

/**
 * Sent on every answer: nothing the dashboard shows is worth caching (and a cache is another
 * place for it to leak), and no browser may guess a type other than the one sent.
 */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    next();
  };
}

/** Refuses a request whose `Host` is not one the dashboard is served under (DNS rebinding). */
export function requireKnownHost(rules: HostRules): RequestHandler {
  return (req, res, next) => {
    if (isKnownHost(req.headers.host, rules)) next();
    else forbid(req, res, unknownHostReason(req.headers.host));
  };
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Refuses a change that a page of another site could have sent (see same-origin.ts). */
export function requireSameOriginChanges(): RequestHandler {
  return (req, res, next) => {
    const length = header(req.headers['content-length']);
    const reason = changeRefusal({
      method: req.method,
      host: req.headers.host,
      origin: header(req.headers.origin),
      secFetchSite: header(req.headers['sec-fetch-site']),
      contentType: req.headers['content-type'],
      hasBody: (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined,
    });
    if (reason === undefined) next();
    else forbid(req, res, reason);
  };
}
