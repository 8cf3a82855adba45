import { describe, expect, it } from 'vitest';
import { METADATA_KEYS, objectMetadata } from './object-metadata.js';

describe('objectMetadata', () => {
  it('writes each field under its S3 key and leaves unset ones out', () => {
    expect(
      objectMetadata({
        sourceEndpoint: 'playbyplayv3',
        ingestedAt: '2025-01-15T12:00:00.000Z',
        errorClass: undefined,
      }),
    ).toEqual({ 'source-endpoint': 'playbyplayv3', 'ingested-at': '2025-01-15T12:00:00.000Z' });
  });

  it('has lower-case keys only, as S3 keeps them', () => {
    for (const key of Object.values(METADATA_KEYS)) expect(key).toMatch(/^[a-z0-9-]+$/);
  });
});
