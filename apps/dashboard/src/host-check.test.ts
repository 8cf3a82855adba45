import { loadConfig } from '@repo/shared/config';
import { describe, expect, it } from 'vitest';
import { hostRules, isKnownHost, splitHost, unknownHostReason } from './host-check.js';

describe('splitHost', () => {
  it('splits names, IPv4 and bracketed IPv6 from their port, lower-cased', () => {
    expect(splitHost('LocalHost:3000')).toEqual({ name: 'localhost', port: 3000 });
    expect(splitHost('127.0.0.1')).toEqual({ name: '127.0.0.1' });
    expect(splitHost('[::1]:3000')).toEqual({ name: '[::1]', port: 3000 });
    expect(splitHost('::1')).toEqual({ name: '[::1]' });
    expect(splitHost('fd00::5')).toEqual({ name: '[fd00::5]' });
  });

  it('refuses what is not a host with an optional port', () => {
    for (const bad of ['', 'a:b', 'a:70000', 'a:0', 'a:', '[::1', 'a:1:2']) {
      expect(splitHost(bad), bad).toBeUndefined();
    }
  });
});

describe('isKnownHost', () => {
  const local = hostRules({ port: 3000, listenHost: '127.0.0.1' });

  it('answers loopback names without a port or with the dashboard port', () => {
    for (const host of [
      'localhost',
      'localhost:3000',
      '127.0.0.1:3000',
      '[::1]:3000',
      '[::1]',
      'LOCALHOST:3000',
    ]) {
      expect(isKnownHost(host, local), host).toBe(true);
    }
  });

  it('refuses other names (DNS rebinding), other ports and no Host at all', () => {
    for (const host of [
      'evil.example',
      'evil.example:3000',
      'localhost:3001',
      '127.0.0.2:3000',
      'a.localhost:3000',
      '',
    ]) {
      expect(isKnownHost(host, local), host).toBe(false);
    }
    expect(isKnownHost(undefined, local)).toBe(false);
  });

  it('adds DASHBOARD_HOST unless it is a wildcard, and DASHBOARD_ALLOWED_HOSTS with or without port', () => {
    expect(isKnownHost('10.0.0.5:3000', hostRules({ port: 3000, listenHost: '10.0.0.5' }))).toBe(true);
    expect(isKnownHost('[fd00::5]:3000', hostRules({ port: 3000, listenHost: 'fd00::5' }))).toBe(true);
    const docker = hostRules({
      port: 3000,
      listenHost: '0.0.0.0',
      allowedHosts: ['dash.example.com', 'nas.lan:8443'],
    });
    expect(docker.names.has('0.0.0.0')).toBe(false);
    expect(isKnownHost('0.0.0.0:3000', docker)).toBe(false);
    expect(isKnownHost('dash.example.com', docker)).toBe(true);
    expect(isKnownHost('dash.example.com:3000', docker)).toBe(true);
    expect(isKnownHost('dash.example.com:8080', docker)).toBe(false);
    expect(isKnownHost('nas.lan:8443', docker)).toBe(true);
    expect(isKnownHost('nas.lan', docker)).toBe(false);
    expect(isKnownHost('nas.lan:3000', docker)).toBe(false);
    expect(isKnownHost('[::]:3000', hostRules({ port: 3000, listenHost: '::' }))).toBe(false);
  });

  it('says what to do about an unknown Host', () => {
    expect(unknownHostReason('evil.example:3000')).toBe(
      'unknown Host "evil.example:3000"; add it to DASHBOARD_ALLOWED_HOSTS',
    );
    expect(unknownHostReason(undefined)).toMatch(/^no Host header/);
  });
});

describe('DASHBOARD_ALLOWED_HOSTS', () => {
  const REQUIRED = { AWS_REGION: 'us-east-1', S3_BUCKET_NAME: 'bucket' };

  it('loads a comma list of hosts, each optionally with a port, lower-cased', () => {
    const config = loadConfig({
      ...REQUIRED,
      DASHBOARD_ALLOWED_HOSTS: ' Dash.Example.com, 10.0.0.5:3000,[fd00::5]:8443,nas_box ',
    });
    expect(config.dashboardAllowedHosts).toEqual([
      'dash.example.com',
      '10.0.0.5:3000',
      '[fd00::5]:8443',
      'nas_box',
    ]);
    expect(loadConfig(REQUIRED).dashboardAllowedHosts).toBeUndefined();
  });

  it('refuses URLs, spaces in a name and ports out of range', () => {
    for (const bad of ['http://dash.example.com', 'dash example', 'dash:99999', 'dash:0', 'fd00::5']) {
      expect(() => loadConfig({ ...REQUIRED, DASHBOARD_ALLOWED_HOSTS: bad }), bad).toThrow(
        /DASHBOARD_ALLOWED_HOSTS/,
      );
    }
  });
});
