/**
 * Every failure of an NBA request carries one of these kinds; retry decisions are made on the
 * kind alone (see RETRY_POLICY), never on the message.
 */
export const ERROR_KINDS = [
  'timeout',
  'connection',
  'throttled',
  'server',
  'client',
  'empty',
  'parse',
  'partial',
  'storage',
  'state',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface NbaRequestErrorOptions {
  readonly status?: number;
  /** The response body as received, when there was one (kept for `client` and `parse`). */
  readonly body?: string;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

export class NbaRequestError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly body: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ErrorKind, message: string, options: NbaRequestErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NbaRequestError';
    this.kind = kind;
    this.status = options.status;
    this.body = options.body;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}
