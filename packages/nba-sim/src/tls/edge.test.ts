import { PassThrough } from 'node:stream';
import { readTlsClientHello } from 'read-tls-client-hello';
import { describe, expect, it } from 'vitest';
import { BROWSER_CIPHER_HASHES, edgeVerdict, fingerprintOf, ja4CipherHash } from './edge.js';

// --- A ClientHello writer, enough for the fingerprint's inputs. ---

const u8 = (n: number) => Buffer.from([n]);
const u16 = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u24 = (n: number) => Buffer.from([n >> 16, (n >> 8) & 0xff, n & 0xff]);
const list16 = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(body.length), body]);
};
const list8 = (...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u8(body.length), body]);
};
const u16s = (values: readonly number[]) => values.map(u16);
const GREASE = 0x3a3a;

interface HelloSpec {
  readonly ciphers: readonly number[];
  /** [extension id, data] in wire order. */
  readonly extensions: readonly (readonly [number, Buffer])[];
}

function clientHelloRecord(spec: HelloSpec): Buffer {
  const body = Buffer.concat([
    u16(0x0303),
    Buffer.alloc(32, 7), // random
    list8(Buffer.alloc(32, 9)), // session id
    list16(...u16s(spec.ciphers)),
    list8(u8(0)), // null compression
    list16(...spec.extensions.map(([id, data]) => Buffer.concat([u16(id), list16(data)]))),
  ]);
  const handshake = Buffer.concat([u8(1), u24(body.length), body]);
  return Buffer.concat([u8(0x16), u16(0x0301), u16(handshake.length), handshake]);
}

const ext = {
  sni: (name: string) => [0x0000, list16(u8(0), list16(Buffer.from(name)))] as const,
  alpn: (...protocols: string[]) => [0x0010, list16(...protocols.map((p) => list8(Buffer.from(p))))] as const,
  supportedVersions: (...versions: number[]) => [0x002b, list8(...u16s(versions))] as const,
  sigAlgs: (...algs: number[]) => [0x000d, list16(...u16s(algs))] as const,
  groups: (...groups: number[]) => [0x000a, list16(...u16s(groups))] as const,
  keyShare: () => [0x0033, list16(u16(0x001d), list16(Buffer.alloc(32, 1)))] as const,
  empty: (id: number) => [id, Buffer.alloc(0)] as const,
};

const CHROME_CIPHERS = [
  0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d,
  0x002f, 0x0035,
];
const FIREFOX_CIPHERS = [
  0x1301, 0x1303, 0x1302, 0xc02b, 0xc02f, 0xcca9, 0xcca8, 0xc02c, 0xc030, 0xc00a, 0xc009, 0xc013, 0xc014,
  0x009c, 0x009d, 0x002f, 0x0035,
];
const CHROME_SIG_ALGS = [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601];

/** Chrome's ClientHello as in the JA4 spec's example (GREASE included), with SNI. */
function chromeLike(
  overrides: Partial<HelloSpec> & { alpn?: string[]; versions?: number[] } = {},
): HelloSpec {
  return {
    ciphers: overrides.ciphers ?? [GREASE, ...CHROME_CIPHERS],
    extensions: overrides.extensions ?? [
      ext.empty(GREASE),
      ext.sni('stats.nba.com'),
      ext.empty(0x0017),
      [0xff01, u8(0)],
      ext.groups(GREASE, 0x001d, 0x0017, 0x0018),
      [0x000b, list8(u8(0))],
      ext.empty(0x0023),
      ext.alpn(...(overrides.alpn ?? ['h2', 'http/1.1'])),
      [0x0005, Buffer.from([1, 0, 0, 0, 0])],
      ext.sigAlgs(...CHROME_SIG_ALGS),
      ext.empty(0x0012),
      ext.keyShare(),
      [0x002d, list8(u8(1))],
      ext.supportedVersions(...(overrides.versions ?? [GREASE, 0x0304, 0x0303])),
      [0x001b, list8(u16(0x0002))],
      [0x4469, list16(list8(Buffer.from('h2')))],
      ext.empty(GREASE),
      [0x0015, Buffer.alloc(40)],
    ],
  };
}

async function fingerprint(spec: HelloSpec) {
  const stream = new PassThrough();
  stream.end(clientHelloRecord(spec));
  return fingerprintOf(await readTlsClientHello(stream));
}

describe('JA4 of a ClientHello', () => {
  it("matches the JA4 spec's Chrome example, GREASE ignored", async () => {
    const fp = await fingerprint(chromeLike());
    expect(fp).toEqual({
      ja4: 't13d1516h2_8daaf6152771_e5627efa2ab1',
      tls13: true,
      alpn: ['h2', 'http/1.1'],
    });
    expect(ja4CipherHash(fp.ja4)).toBe(BROWSER_CIPHER_HASHES.chrome);
  });

  it('hashes the sorted cipher list, so the order does not matter', async () => {
    const shuffled = await fingerprint(chromeLike({ ciphers: [...CHROME_CIPHERS].reverse() }));
    expect(ja4CipherHash(shuffled.ja4)).toBe('8daaf6152771');
    const firefox = await fingerprint(chromeLike({ ciphers: FIREFOX_CIPHERS }));
    expect(firefox.ja4).toMatch(/^t13d1716h2_5b57614c22b0_/);
  });

  it('reads "i" without SNI and the first ALPN protocol', async () => {
    const spec = chromeLike();
    const noSni = { ...spec, extensions: spec.extensions.filter(([id]) => id !== 0x0000) };
    expect((await fingerprint(noSni)).ja4).toMatch(/^t13i1515h2_8daaf6152771_e5627efa2ab1$/);
    expect((await fingerprint(chromeLike({ alpn: ['http/1.1'] }))).ja4).toMatch(/^t13d1516h1_/);
  });
});

describe('edgeVerdict', () => {
  it('lets Chrome and Firefox through', async () => {
    expect(edgeVerdict(await fingerprint(chromeLike()))).toEqual({ pass: true, browser: 'chrome' });
    expect(edgeVerdict(await fingerprint(chromeLike({ ciphers: FIREFOX_CIPHERS })))).toEqual({
      pass: true,
      browser: 'firefox',
    });
  });

  it('holds a browser cipher list without TLS 1.3 or without h2', async () => {
    expect(edgeVerdict(await fingerprint(chromeLike({ versions: [0x0303] })))).toEqual({
      pass: false,
      reason: 'TLS 1.3 not offered',
    });
    expect(edgeVerdict(await fingerprint(chromeLike({ alpn: ['http/1.1'] })))).toEqual({
      pass: false,
      reason: 'ALPN without h2 (http/1.1)',
    });
  });

  it("holds Node's OpenSSL cipher list (with its renegotiation SCSV) and no ClientHello at all", async () => {
    const node = chromeLike({ ciphers: [...CHROME_CIPHERS, 0x00ff] });
    expect(edgeVerdict(await fingerprint(node))).toEqual({
      pass: false,
      reason: expect.stringMatching(/^cipher hash [0-9a-f]{12} is no browser's$/),
    });
    expect(edgeVerdict(null)).toEqual({ pass: false, reason: 'no TLS ClientHello' });
  });
});
