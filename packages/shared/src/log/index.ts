export { type CreateLoggerOptions, createLogger, type Logger, redactUrl } from './create-logger.js';
