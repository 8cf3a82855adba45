import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

/** The dashboard's one account (DESIGN §8: basic auth when configured). */
export interface BasicAuthCredentials {
  readonly user: string;
  readonly password: string;
}

const REALM = 'nba-season-backfill dashboard';

/** The user and password of an `Authorization: Basic ...` header, or undefined. */
export function parseBasicAuth(header: string | undefined): BasicAuthCredentials | undefined {
  const match = /^Basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i.exec(header ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

// Hashing first gives both sides the same length, so timingSafeEqual never throws and the
// time taken says nothing about the expected length either.
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** True when `given` names the configured account; both parts are always compared. */
export function isAuthorized(
  given: BasicAuthCredentials | undefined,
  expected: BasicAuthCredentials,
): boolean {
  const userOk = sameSecret(given?.user ?? '', expected.user);
  const passwordOk = sameSecret(given?.password ?? '', expected.password);
  return given !== undefined && userOk && passwordOk;
}

/** Middleware answering 401 with a Basic challenge unless the request carries the account. */
export function createBasicAuth(expected: BasicAuthCredentials): RequestHandler {
  return (req, res, next) => {
    if (isAuthorized(parseBasicAuth(req.headers.authorization), expected)) {
      next();
      return;
    }
    res
      .status(401)
      .set('WWW-Authenticate', `Basic realm="${REALM}", charset="UTF-8"`)
      .json({ error: 'unauthorized', reason: 'this dashboard needs the user and password it was given' });
  };
}
