import { describe, expect, it } from 'vitest';
import { exposureWarning, isLoopbackHost } from './exposure-warning.js';

describe('the exposure warning', () => {
  it('knows loopback names and addresses', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      'localhost',
      'LOCALHOST',
      'dash.localhost',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', 'example.com', 'localhost.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });

  it('warns only beyond loopback without basic auth', () => {
    expect(exposureWarning({ host: '0.0.0.0', authEnabled: false })).toBe(
      'dashboard listens beyond loopback without basic auth: set DASHBOARD_USER and DASHBOARD_PASSWORD',
    );
    expect(exposureWarning({ host: '0.0.0.0', authEnabled: true })).toBeUndefined();
    expect(exposureWarning({ host: '127.0.0.1', authEnabled: false })).toBeUndefined();
    expect(exposureWarning({ host: '::', authEnabled: false })).toBeDefined();
  });
});
