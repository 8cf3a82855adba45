import { type Logger, LogThrottle, type LogThrottleOptions } from '../log/index.js';

/** Anything with BullMQ's or ioredis' `'error'` event: a Redis connection, a Queue, a Worker. */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

const CONNECTION_KEY = 'redis-connection';
// Socket-level codes ioredis and BullMQ pass on when Redis cannot be reached.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const CONNECTION_MESSAGES =
  /Connection is closed|Stream isn't writeable|Socket closed unexpectedly|connect ETIMEDOUT/;

/** Whether an error says that Redis cannot be reached (rather than that a command went wrong). */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && CONNECTION_CODES.has(code)) || CONNECTION_MESSAGES.test(error.message);
}

/**
 * The one place a process logs its Redis connection's trouble. A lost Redis makes ioredis and
 * every BullMQ Queue and Worker on the connection emit the same error, several times a
 * millisecond; here all of them become one line when the connection is lost, one a minute while
 * it stays lost, and one when it is back. Other errors of those emitters are throttled per
 * message the same way. Every line is a pino line with the error as `err`.
 */
export class RedisErrorLog {
  private readonly throttle: LogThrottle;

  constructor(
    private readonly log: Logger,
    options: LogThrottleOptions = {},
  ) {
    this.throttle = new LogThrottle(options);
  }

  /** Whether the connection was lost and has not come back yet. */
  get lost(): boolean {
    return this.throttle.active(CONNECTION_KEY);
  }

  /** An `'error'` event of `source` (a connection, queue or worker name). */
  report(source: string, error: Error): void {
    // While the connection is lost, whatever fails fails because of it.
    const connection = this.lost || isConnectionError(error);
    const key = connection ? CONNECTION_KEY : `${source}\n${error.message}`;
    const decision = this.throttle.take(key);
    if (!decision.log) return;
    if (!connection) {
      const repeats = decision.suppressed > 0 ? { suppressed: decision.suppressed } : {};
      this.log.error({ err: error, source, ...repeats }, `${source} error`);
    } else if (decision.sinceMs === 0) {
      this.log.error({ err: error, source }, 'redis unavailable; reconnecting');
    } else {
      this.log.error(
        {
          err: error,
          source,
          suppressed: decision.suppressed,
          down_seconds: Math.round(decision.sinceMs / 1000),
        },
        'redis still unavailable; reconnecting',
      );
    }
  }

  /** The connection is ready: says so once when it had been lost. */
  restored(source: string): void {
    const run = this.throttle.reset(CONNECTION_KEY);
    if (run !== undefined)
      this.log.info({ source, down_seconds: Math.round(run.sinceMs / 1000) }, 'redis connection restored');
  }

  /** Routes the `'error'` events of a BullMQ Queue or Worker here (without one, they crash or print). */
  watch(source: string, emitter: ErrorEmitter): void {
    emitter.on('error', (error) => this.report(source, error));
  }
}
