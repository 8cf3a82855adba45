import { createPrivateKey, X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from './self-signed-certificate.js';

describe('createSelfSignedCertificate', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const { key, cert } = createSelfSignedCertificate({ now, days: 30 });
  const x509 = new X509Certificate(cert);

  it('is a self-signed v3 certificate for localhost, 127.0.0.1 and ::1', () => {
    expect(x509.subject).toBe('CN=nba-sim');
    expect(x509.issuer).toBe('CN=nba-sim');
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(x509.publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });
  });

  it('is valid from an hour before now for the given days, and its key matches', () => {
    expect(new Date(x509.validFrom).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2026-12-31T12:00:00.000Z');
    expect(x509.checkPrivateKey(createPrivateKey(key))).toBe(true);
    expect(() => createSecureContext({ key, cert })).not.toThrow();
  });

  it('writes GeneralizedTime after 2049 and other alt names', () => {
    const late = new X509Certificate(
      createSelfSignedCertificate({
        now: new Date('2060-01-01T00:00:00Z'),
        altNames: ['sim.test', '10.1.2.3', 'fe80::1'],
      }).cert,
    );
    expect(new Date(late.validTo).getUTCFullYear()).toBe(2060);
    expect(late.subjectAltName).toBe('DNS:sim.test, IP Address:10.1.2.3, IP Address:FE80:0:0:0:0:0:0:1');
  });

  it('makes a new key every time', () => {
    expect(createSelfSignedCertificate().key).not.toBe(key);
  });
});
