import { describe, expect, it } from 'vitest';
import { type ChangeRequest, changeRefusal } from './same-origin.js';

const SAME: ChangeRequest = {
  method: 'PUT',
  host: '127.0.0.1:3000',
  origin: 'http://127.0.0.1:3000',
  secFetchSite: 'same-origin',
  contentType: 'application/json',
  hasBody: true,
};
const with_ = (change: Partial<ChangeRequest>): ChangeRequest => ({ ...SAME, ...change });

describe('changeRefusal', () => {
  it('lets GET, HEAD and OPTIONS through whatever they carry', () => {
    for (const method of ['GET', 'head', 'OPTIONS']) {
      expect(
        changeRefusal(with_({ method, origin: 'https://evil.example', contentType: 'text/plain' })),
      ).toBe(undefined);
    }
  });

  it('lets a JSON change from the same origin through', () => {
    expect(changeRefusal(SAME)).toBeUndefined();
    expect(
      changeRefusal(with_({ method: 'POST', contentType: 'application/json; charset=utf-8' })),
    ).toBeUndefined();
    expect(changeRefusal(with_({ host: 'localhost', origin: 'http://localhost:80' }))).toBeUndefined();
    expect(
      changeRefusal(with_({ host: 'dash.example.com', origin: 'https://dash.example.com' })),
    ).toBeUndefined();
    // No Origin (some clients): Sec-Fetch-Site from the browser says the same.
    expect(changeRefusal(with_({ origin: undefined }))).toBeUndefined();
  });

  it('refuses a change from another origin, a null origin, or with neither Origin nor Sec-Fetch-Site', () => {
    expect(changeRefusal(with_({ origin: 'https://evil.example' }))).toBe(
      'cross-site request refused: Origin "https://evil.example" is not this dashboard',
    );
    for (const origin of ['http://127.0.0.1:3001', 'http://localhost:3000', 'null', 'file://', 'nonsense']) {
      expect(changeRefusal(with_({ origin })), origin).toMatch(/^cross-site request refused/);
    }
    expect(changeRefusal(with_({ origin: undefined, secFetchSite: 'cross-site' }))).toMatch(
      /^a change needs an Origin header/,
    );
    expect(changeRefusal(with_({ origin: undefined, secFetchSite: undefined }))).toMatch(
      /^a change needs an Origin header/,
    );
  });

  it('refuses a body that is not JSON, as a cross-site form would send it', () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expect(changeRefusal(with_({ method: 'POST', contentType })), contentType).toBe(
        `a change needs Content-Type: application/json (got ${JSON.stringify(contentType)})`,
      );
    }
    // A text/plain form with an empty body still names its type.
    expect(changeRefusal(with_({ method: 'POST', contentType: 'text/plain', hasBody: false }))).toMatch(
      /^a change needs Content-Type/,
    );
    expect(changeRefusal(with_({ method: 'POST', contentType: undefined, hasBody: false }))).toBe(
      'a change needs Content-Type: application/json (got none)',
    );
    expect(changeRefusal(with_({ method: 'PUT', contentType: undefined, hasBody: true }))).toMatch(
      /^a change needs Content-Type/,
    );
  });

  it("accepts a PUT or PATCH without body or type, as bull-board's buttons send them", () => {
    expect(changeRefusal(with_({ method: 'PUT', contentType: undefined, hasBody: false }))).toBeUndefined();
    expect(changeRefusal(with_({ method: 'PATCH', contentType: undefined, hasBody: false }))).toBeUndefined();
  });
});
