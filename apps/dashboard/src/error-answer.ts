import { randomUUID } from 'node:crypto';
import type { ControllerHandlerReturnType, HTTPStatus } from '@bull-board/api/typings/app';
import { errorMessage, type Logger } from '@repo/shared/log';
import type { ErrorRequestHandler } from 'express';
import { UnavailableError } from './redis-deadline.js';
import { isApiPath } from './request-guard.js';

/**
 * A failure's details (a Redis reply, a stack) say how the dashboard works inside: they go to the
 * log under an id, and the answer names only that id, so a person can find the line.
 */
export function logInternalError(log: Logger | undefined, error: unknown, path: string): string {
  const errorId = randomUUID();
  log?.error({ err: error, error_id: errorId, path }, 'dashboard request failed');
  return `internal error (id ${errorId})`;
}

/** The 4xx status an error carries (body-parser's, express's), or undefined for a real failure. */
function clientStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode, expose } = error as {
    status?: unknown;
    statusCode?: unknown;
    expose?: unknown;
  };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && code >= 400 && code < 500 && expose === true ? code : undefined;
}

/** The app's error handler: 503 while Redis is away, a client error as such, else 500 with an id. */
export function createErrorHandler(log: Logger | undefined): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const client = clientStatus(error);
    if (error instanceof UnavailableError || client !== undefined) {
      log?.warn({ path: req.path, err: error }, 'dashboard request failed');
      res
        .status(client ?? 503)
        .json({ error: client === undefined ? 'unavailable' : 'bad request', reason: errorMessage(error) });
      return;
    }
    const reason = logInternalError(log, error, req.originalUrl);
    res.status(500);
    if (isApiPath(req)) res.json({ error: 'internal', reason });
    else res.type('text/plain; charset=utf-8').send(reason);
  };
}

/**
 * bull-board's own error handler answers with the error's message (and its stack in
 * development); this one answers as bull-board's errors look, with the id instead.
 */
export function createBoardErrorHandler(
  log: Logger | undefined,
): (error: Error) => ControllerHandlerReturnType {
  return (error) => {
    const client = clientStatus(error);
    // bull-board's status type lists the codes its handlers use; a parser's 4xx is one of ours.
    if (client !== undefined) {
      return {
        status: client as HTTPStatus,
        body: { error: { key: 'ERRORS.INVALID_REQUEST_BODY' }, message: error.message },
      };
    }
    return {
      status: 500,
      body: {
        error: { key: 'ERRORS.INTERNAL_SERVER_ERROR' },
        message: logInternalError(log, error, 'bull-board'),
      },
    };
  };
}
