import { type SimResponse, sendBody } from '../exchange.js';
import type { FaultDecision } from './fault-injector.js';

/** What a fault did to the exchange: a status that was sent, or no response at all. */
export type FaultOutcome = { readonly status: number; readonly bytes: number } | { readonly status: null };

const ACCESS_DENIED = (path: string) =>
  `<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don't have permission to access "http&#58;&#47;&#47;stats&#46;nba&#46;com${path.replace(/\//g, '&#47;')}" on this server.<P>\nReference&#32;&#35;18&#46;5f3c1002&#46;1700000000&#46;1a2b3c4d\n</BODY>\n</HTML>\n`;

function send(
  res: SimResponse,
  status: number,
  contentType: string,
  body: string,
  extra: Record<string, string> = {},
): FaultOutcome {
  const buffer = Buffer.from(body, 'utf8');
  sendBody(
    res,
    status,
    { 'Content-Type': contentType, 'Content-Length': String(buffer.length), ...extra },
    buffer,
  );
  return { status, bytes: buffer.length };
}

/**
 * Carries out a terminal fault on the raw exchange. `url` is the request's path and query;
 * `resetConnection` sends a TCP RST (over TLS, of the raw socket under it).
 */
export function applyFault(
  terminal: NonNullable<FaultDecision['terminal']>,
  endpoint: string,
  url: string,
  res: SimResponse,
  stalled: Set<SimResponse>,
  resetConnection: () => void,
): FaultOutcome {
  switch (terminal.kind) {
    case 'stall':
      // Headers are never sent; the server's close() destroys the socket.
      stalled.add(res);
      res.on('close', () => stalled.delete(res));
      return { status: null };
    case 'reset':
      resetConnection();
      return { status: null };
    case 'server-error':
      return send(res, 500, 'application/json; charset=utf-8', '{"Message":"An error has occurred."}');
    case 'throttle':
      return send(res, 429, 'text/plain; charset=utf-8', 'Too Many Requests', {
        'Retry-After': String(terminal.retryAfterSeconds ?? 60),
      });
    case 'forbidden':
      return send(res, 403, 'text/html', ACCESS_DENIED(url));
    case 'bad-request':
      return send(
        res,
        400,
        'text/plain; charset=utf-8',
        'message' in terminal && terminal.message !== undefined
          ? terminal.message
          : "The field GameID must match the regular expression '^\\d{10}$'.",
      );
    case 'empty-body':
      return send(res, 200, 'application/json; charset=utf-8', '{}');
    case 'wrong-shape':
      return send(
        res,
        200,
        'application/json; charset=utf-8',
        JSON.stringify({ resource: endpoint, parameters: {}, resultSet: null }),
      );
    case 'truncated':
      // Served by the server itself from the real answer; here it can only be a caller bug.
      throw new Error('the truncated fault is answered by the server, not applyFault');
  }
}
