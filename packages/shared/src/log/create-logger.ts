import { type Logger, type LoggerOptions, pino } from 'pino';
import { redactCredentials } from './redact-credentials.js';

export type { Logger };

/**
 * Paths that may hold secrets in a log line; pino replaces their values. Proxy URLs can carry
 * a password, and request headers may carry cookies or basic auth.
 */
const REDACT_PATHS = [
  'password',
  '*.password',
  'dashboardPassword',
  '*.dashboardPassword',
  'nbaApiProxy',
  '*.nbaApiProxy',
  'proxy',
  '*.proxy',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'secretAccessKey',
  '*.secretAccessKey',
];

export interface CreateLoggerOptions {
  /** @defaultValue `info` */
  readonly level?: string;
  /** The component name, e.g. `worker` or `planner`; goes to every line as `component`. */
  readonly component: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture lines. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * pino's error serializer, with a password in the message or stack masked. `err` is not always an
 * Error: a probe logs the text of why it failed, and text is masked as it is.
 */
function serializeError(error: unknown): unknown {
  if (typeof error === 'string') return redactCredentials(error);
  const errorLike =
    typeof error === 'object' && error !== null && typeof (error as Error).message === 'string';
  if (!errorLike) return error;
  const serialized = pino.stdSerializers.err(error as Error);
  return {
    ...serialized,
    message: redactCredentials(serialized.message),
    ...(typeof serialized.stack === 'string' ? { stack: redactCredentials(serialized.stack) } : {}),
  };
}

/** pino JSON logs with fixed snake_case fields (DESIGN §8) and secrets redacted. */
export function createLogger(options: CreateLoggerOptions): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level ?? 'info',
    base: { component: options.component },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // An error's message and stack may quote a URL with its password (a refused REDIS_URL, a
    // proxy that did not answer): masked like every other message.
    serializers: { err: serializeError },
    formatters: { level: (label) => ({ level: label }) },
  };
  return options.destination ? pino(pinoOptions, options.destination) : pino(pinoOptions);
}
