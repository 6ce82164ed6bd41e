import { describe, expect, it } from 'vitest';
import type { CookieView } from '../../../main/shared/types';
import {
  detectCookieFormat,
  displayDomain,
  fieldOfCookieError,
  filterCookies,
  formatExpires,
  formatInLocale,
  formOf,
  hostOf,
  inputOf,
  movesIdentity,
  parseLocalDateTime,
  toLocalInput,
} from '../../../renderer/src/features/cookies/model';

const cookie = (over: Partial<CookieView> = {}): CookieView => ({
  name: 'sid',
  value: 'abc',
  domain: 'example.com',
  path: '/',
  expires: null,
  hostOnly: true,
  secure: false,
  httpOnly: true,
  sameSite: 'Lax',
  size: 6,
  ...over,
});

describe('cookie editor decisions', () => {
  it('filters on name, value and domain, ignoring case', () => {
    const list = [cookie(), cookie({ name: 'theme', value: 'Dark', domain: 'other.org' })];
    expect(filterCookies(list, 'dark').map((c) => c.name)).toEqual(['theme']);
    expect(filterCookies(list, 'EXAMPLE').map((c) => c.name)).toEqual(['sid']);
    expect(filterCookies(list, '  ')).toHaveLength(2);
  });

  it('shows "Session" for cookies without an expiry and a dot for domain cookies', () => {
    expect(formatExpires(null)).toBe('Session');
    expect(formatExpires('2030-01-02T03:04:00.000Z')).toMatch(/^2030-01-0\d \d\d:04$/);
    expect(displayDomain(cookie({ hostOnly: false }))).toBe('.example.com');
    expect(displayDomain(cookie())).toBe('example.com');
  });

  it('puts each core validation message next to the field it is about', () => {
    expect(fieldOfCookieError('Invalid cookie name "a b": use letters')).toBe('name');
    expect(fieldOfCookieError('Invalid value for cookie "x": no semicolons')).toBe('value');
    expect(fieldOfCookieError('Domain "co.uk" is a public suffix; cookies cannot be set for it')).toBe(
      'domain',
    );
    expect(fieldOfCookieError('Invalid path "x" for cookie "a": it must start with /')).toBe('path');
    expect(fieldOfCookieError('Invalid expiry "soon" for cookie "a"')).toBe('expires');
    expect(fieldOfCookieError('Unknown profile "zed"')).toBeNull();
  });

  it('keeps an untouched expiry to the millisecond and reads a typed one as local time', () => {
    const original = cookie({ expires: '2031-05-06T07:08:09.123Z' });
    const form = formOf(original);
    expect(inputOf(form, original).expires).toBe('2031-05-06T07:08:09.123Z');
    const typed = inputOf({ ...form, expires: '2032-01-01T10:30' }, original).expires!;
    expect(toLocalInput(typed)).toBe('2032-01-01T10:30');
    expect(inputOf({ ...form, expires: '' }, original).expires).toBeNull();
  });

  it('a leading dot makes a domain cookie; a new name or domain is a new identity', () => {
    const original = cookie();
    const input = inputOf({ ...formOf(original), domain: '.example.com' }, original);
    expect(input.hostOnly).toBe(false);
    expect(movesIdentity(input, original)).toBe(false);
    expect(movesIdentity(inputOf({ ...formOf(original), name: 'sid2' }, original), original)).toBe(true);
    expect(
      movesIdentity(inputOf({ ...formOf(original), domain: 'api.example.com' }, original), original),
    ).toBe(true);
  });

  it('recognises JSON exports and treats anything else as cookies.txt', () => {
    expect(detectCookieFormat('  [{"key":"a"}]')).toBe('json');
    expect(detectCookieFormat('# Netscape HTTP Cookie File\n')).toBe('netscape');
  });

  it("suggests the draft URL's host as a new cookie's domain, when there is one yet", () => {
    expect(hostOf('http://127.0.0.1:8787/login')).toBe('127.0.0.1');
    expect(hostOf('https://API.example.com/x')).toBe('api.example.com');
    expect(hostOf('{{baseUrl}}/login')).toBeNull();
    expect(hostOf('')).toBeNull();
  });

  it('lifetime: session, an ISO date-time read as local time, or Max-Age seconds from now', () => {
    const form = formOf(cookie({ expires: '2031-05-06T07:08:09.123Z' }));
    expect(form.lifetime).toBe('expires');
    expect(formOf(cookie()).lifetime).toBe('session');
    expect(inputOf({ ...form, lifetime: 'session' }).expires).toBeNull();
    const local = new Date(2032, 0, 1, 10, 30);
    expect(inputOf({ ...form, lifetime: 'expires', expires: '2032-01-01 10:30' }).expires).toBe(
      local.toISOString(),
    );
    expect(inputOf({ ...form, lifetime: 'expires', expires: '2032-01-01T10:30:00Z' }).expires).toBe(
      '2032-01-01T10:30:00.000Z',
    );
    const now = Date.UTC(2030, 0, 1);
    expect(inputOf({ ...form, lifetime: 'maxAge', maxAge: '3600' }, null, now).expires).toBe(
      '2030-01-01T01:00:00.000Z',
    );
    // not a number: passed on, so the core's one-line error names it
    expect(inputOf({ ...form, lifetime: 'maxAge', maxAge: 'soon' }, null, now).expires).toBe('Max-Age soon');
    expect(parseLocalDateTime('2032-02-30 10:00')).toBeNull();
    expect(parseLocalDateTime('12/31/2032')).toBeNull();
    expect(formatInLocale(new Date(Date.UTC(2032, 11, 31, 12)), 'de-DE')).toMatch(/31\. Dezember 2032/);
    expect(formatInLocale(new Date(Date.UTC(2032, 11, 31, 12)), 'en-GB')).toMatch(/31 December 2032/);
  });
});
