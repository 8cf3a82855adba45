import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.js';

describe('errorMessage', () => {
  it("is an Error's message, or the thrown value as text", () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });

  it('falls back to the code of an error without a message', () => {
    expect(errorMessage(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe(
      'ECONNREFUSED',
    );
    expect(errorMessage(new Error(''))).toBe('unknown error');
  });
});

describe('errorMessage masks credentials', () => {
  it('masks the password of a URL an error quotes', () => {
    expect(errorMessage(new Error('connect ECONNREFUSED redis://:hunter22@cache:6379'))).toBe(
      'connect ECONNREFUSED redis://:***@cache:6379',
    );
  });
});
