import { calculateJa4, getExtensionData, type TlsClientHelloMessage } from 'read-tls-client-hello';

/**
 * JA4 cipher hashes (the middle part of JA4) of current browsers: sha256 of the sorted, GREASE-free
 * cipher suite list, first 12 hex digits. Chrome (and other Chromium browsers) offer 15 suites,
 * Firefox 17; Node, undici, curl and Python offer other lists.
 */
export const BROWSER_CIPHER_HASHES = {
  chrome: '8daaf6152771',
  firefox: '5b57614c22b0',
} as const;

export type BrowserName = keyof typeof BROWSER_CIPHER_HASHES;

/** What the bot check looks at in a ClientHello. */
export interface HelloFingerprint {
  /** e.g. `t13i1515h2_8daaf6152771_02713d6af862`. */
  readonly ja4: string;
  /** The supported_versions extension offers TLS 1.3 (0x0304). */
  readonly tls13: boolean;
  /** ALPN protocols offered, in the client's order. */
  readonly alpn: readonly string[];
}

export type EdgeVerdict =
  | { readonly pass: true; readonly browser: BrowserName }
  | { readonly pass: false; readonly reason: string };

export function fingerprintOf(hello: TlsClientHelloMessage): HelloFingerprint {
  return {
    ja4: calculateJa4(hello),
    tls13: getExtensionData(hello, 'supported_versions')?.versions.includes(0x0304) ?? false,
    alpn: getExtensionData(hello, 'alpn')?.protocols ?? [],
  };
}

/** The middle part of a JA4 string (`t13i1515h2_<this>_<extensions>`). */
export function ja4CipherHash(ja4: string): string {
  return ja4.split('_')[1] ?? '';
}

/**
 * Akamai-like bot check: a browser offers TLS 1.3 and h2, with Chrome's or Firefox's cipher list.
 * Anything else (no ClientHello at all included) is held: the connection is kept and never answered.
 */
export function edgeVerdict(fingerprint: HelloFingerprint | null): EdgeVerdict {
  if (!fingerprint) return { pass: false, reason: 'no TLS ClientHello' };
  if (!fingerprint.tls13) return { pass: false, reason: 'TLS 1.3 not offered' };
  if (!fingerprint.alpn.includes('h2'))
    return { pass: false, reason: `ALPN without h2 (${fingerprint.alpn.join(',') || 'none'})` };
  const cipherHash = ja4CipherHash(fingerprint.ja4);
  for (const [browser, hash] of Object.entries(BROWSER_CIPHER_HASHES)) {
    if (hash === cipherHash) return { pass: true, browser: browser as BrowserName };
  }
  return { pass: false, reason: `cipher hash ${cipherHash} is no browser's` };
}
