import { redactCredentials } from './redact-credentials.js';

/**
 * The message of anything thrown: an Error's own, or the value as text; for an error without a
 * message (Node's AggregateError of a refused connection), its code. A password in a URL it
 * quotes is masked. Pure.
 */
export function errorMessage(error: unknown): string {
  const text = redactCredentials(error instanceof Error ? error.message : String(error));
  if (text.trim() !== '') return text;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === undefined ? 'unknown error' : String(code);
}
