import { describe, expect, it } from 'vitest';
import { isAuthorized, parseBasicAuth } from './basic-auth.js';

const header = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;
const ACCOUNT = { user: 'ops', password: 'pa:ss wörd' };

describe('basic auth', () => {
  it('reads the user and a password that contains colons and non-ASCII', () => {
    expect(parseBasicAuth(header('ops:pa:ss wörd'))).toEqual(ACCOUNT);
    expect(parseBasicAuth(`basic   ${Buffer.from('a:').toString('base64')}`)).toEqual({
      user: 'a',
      password: '',
    });
  });

  it('reads nothing from other schemes, garbage or a missing colon', () => {
    for (const value of [undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', header('no-colon')]) {
      expect(parseBasicAuth(value)).toBeUndefined();
    }
  });

  it('lets only the exact account in', () => {
    expect(isAuthorized(ACCOUNT, ACCOUNT)).toBe(true);
    expect(isAuthorized(undefined, ACCOUNT)).toBe(false);
    expect(isAuthorized({ user: 'ops', password: 'pa:ss wörd ' }, ACCOUNT)).toBe(false);
    expect(isAuthorized({ user: 'Ops', password: ACCOUNT.password }, ACCOUNT)).toBe(false);
    expect(isAuthorized({ user: 'ops', password: '' }, ACCOUNT)).toBe(false);
  });
});
