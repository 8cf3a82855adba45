import { describe, expect, it } from 'vitest';
import { oneLineError } from './impit-transport.js';

/** impit's messages, as it threw them (recorded here against local servers). */
const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('oneLineError', () => {
  it('names the address and the OS reason of a refused connection', () => {
    const error = named(
      'ConnectError',
      'Failed to connect to the server.\nReason: hyper_util::client::legacy::Error(\n    Connect,\n    ConnectError(\n        "tcp connect error",\n        127.0.0.1:1,\n        Os {\n            code: 111,\n            kind: ConnectionRefused,\n            message: "Connection refused",\n        },\n    ),\n)',
    );
    const short = oneLineError(error);
    expect(short.message).toBe('Failed to connect to the server (127.0.0.1:1): Connection refused');
    expect(short.name).toBe('ConnectError');
    expect(short.cause).toBe(error);
  });

  it('names a certificate it could not check, and a failed name lookup', () => {
    expect(
      oneLineError(
        named(
          'ConnectError',
          'Failed to connect to the server.\nReason: hyper_util::client::legacy::Error(\n    Connect,\n    Custom {\n        kind: Other,\n        error: Custom {\n            kind: InvalidData,\n            error: InvalidCertificate(\n                UnknownIssuer,\n            ),\n        },\n    },\n)',
        ),
      ).message,
    ).toBe('Failed to connect to the server: invalid certificate (UnknownIssuer)');
    expect(
      oneLineError(
        named(
          'ConnectError',
          'Failed to connect to the server.\nReason: hyper_util::client::legacy::Error(\n    Connect,\n    ConnectError(\n        "dns error",\n        Custom {\n            kind: Uncategorized,\n            error: "failed to lookup address information: Name or service not known",\n        },\n    ),\n)',
        ),
      ).message,
    ).toBe(
      'Failed to connect to the server: failed to lookup address information: Name or service not known',
    );
  });

  it('leaves one-line messages alone', () => {
    const error = named('ProxyAuthRequired', 'Proxy authentication required.');
    expect(oneLineError(error)).toBe(error);
    expect(oneLineError('boom').message).toBe('boom');
  });
});
