/** What replaces a secret in text the product prints. */
export const MASK = '***';

/**
 * `user:password@` in free text: after a scheme's `//`, or at the start of a word, so a URL
 * that did not parse (`redis//:pw@host`, `:pw@localhost:6379`) is masked as well as a good one.
 */
const CREDENTIALS = /(^|[\s"'(=/])([^\s"'()/@:]*):([^\s"'()/@]+)@/g;

/**
 * `text` with the password of every URL-like `user:password@` in it replaced by `***`
 * (`redis://:hunter2@h` → `redis://:***@h`). Every message that may quote a URL (errors, config
 * errors, log lines) goes through it. Pure.
 */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIALS, `$1$2:${MASK}@`);
}
