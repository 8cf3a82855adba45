export { type CreateLoggerOptions, createLogger, type Logger } from './create-logger.js';
export { errorMessage } from './error-message.js';
export { LogThrottle, type LogThrottleOptions, type ThrottleDecision } from './log-throttle.js';
export { MASK, redactCredentials } from './redact-credentials.js';
