import { describe, expect, it } from 'vitest';
import { fieldsOf, parseBody } from '../../main/demo/body';
import { labCookie } from '../../main/demo/cookieLab';
import {
  canonicalHeaderName,
  deleteCookie,
  headersObject,
  matchRoute,
  multiDict,
  parseCookieHeader,
  serializeCookie,
} from '../../main/demo/http';
import { resolveRoute } from '../../main/demo/server';
import { signSession, verifySession } from '../../main/demo/session';

describe('demo helpers', () => {
  it('cases header names like httpbin and shows a repeated header joined', () => {
    expect(canonicalHeaderName('x-custom-header')).toBe('X-Custom-Header');
    expect(canonicalHeaderName('COOKIE')).toBe('Cookie');
    expect(headersObject(['cookie', 'a=1', 'Host', 'h', 'Cookie', 'b=2'])).toEqual({
      Cookie: 'a=1, b=2',
      Host: 'h',
    });
  });

  it('keeps repeated query keys as arrays', () => {
    expect(multiDict(new URLSearchParams('a=1&b=2&a=3'))).toEqual({ a: ['1', '3'], b: '2' });
  });

  it('parses a Cookie header; the first of two same-named cookies wins', () => {
    expect(parseCookieHeader('a=1; b="two"; a=3;  c=x=y')).toEqual({ a: '1', b: 'two', c: 'x=y' });
    expect(parseCookieHeader(undefined)).toEqual({});
    expect(parseCookieHeader('junk; =nameless')).toEqual({});
  });

  it('writes Set-Cookie values with every attribute, and deletions', () => {
    expect(serializeCookie('k', 'v')).toBe('k=v; Path=/');
    expect(
      serializeCookie('k', 'v', {
        path: '/p',
        domain: 'example.com',
        maxAge: 60,
        expires: new Date(0),
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      }),
    ).toBe(
      'k=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60; Domain=example.com; Path=/p; Secure; HttpOnly; SameSite=Strict',
    );
    expect(serializeCookie('k', 'v', { path: null })).toBe('k=v');
    expect(deleteCookie('session')).toBe(
      'session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
    );
  });

  it('matches route patterns with captures and rest', () => {
    expect(matchRoute('/cookies/set/:name/:value', '/cookies/set/a%20b/1')).toEqual({
      name: 'a b',
      value: '1',
    });
    expect(matchRoute('/cookies/set/:name/:value', '/cookies/set/a')).toBeNull();
    expect(matchRoute('/anything*', '/anything')).toEqual({ rest: '' });
    expect(matchRoute('/anything*', '/anything/x/y')).toEqual({ rest: 'x/y' });
    expect(matchRoute('/anything*', '/anythingelse')).toBeNull();
    expect(matchRoute('/notes/:id', '/notes/%E0%A4%A')).toBeNull();
  });

  it('resolves 404 for unknown paths and 405 with the allowed methods', () => {
    expect(resolveRoute('GET', '/nope')).toEqual({ status: 404 });
    expect(resolveRoute('PUT', '/login')).toEqual({ status: 405, allow: ['GET', 'POST'] });
    expect(resolveRoute('HEAD', '/cookies')).toMatchObject({ params: {} });
    expect(resolveRoute('DELETE', '/notes/3')).toMatchObject({ params: { id: '3' } });
  });

  it('signs sessions like itsdangerous and rejects tampering', () => {
    const secret = Buffer.from('s3cret');
    const alice = signSession(secret, 'alice');
    expect(alice).toMatch(/^alice\.[A-Za-z0-9_-]{43}$/);
    expect(verifySession(secret, alice)).toBe('alice');
    expect(verifySession(secret, alice.replace(/^alice/, 'admin'))).toBeNull();
    expect(verifySession(Buffer.from('other'), alice)).toBeNull();
    expect(verifySession(secret, `${alice.slice(0, -1)}${alice.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(verifySession(secret, signSession(secret, 'mallory'))).toBeNull();
    expect(verifySession(secret, 'alice')).toBeNull();
    expect(verifySession(secret, '')).toBeNull();
  });

  it('builds exactly the lab cookie asked for and refuses bad input', () => {
    const q = new URLSearchParams(
      'name=lab&value=1&path=/x&domain=localhost&secure=1&httponly=1&max_age=10&samesite=lax',
    );
    expect(labCookie(q)).toBe('lab=1; Max-Age=10; Domain=localhost; Path=/x; Secure; HttpOnly; SameSite=Lax');
    expect(labCookie(new URLSearchParams('name=a&value=b&path='))).toBe('a=b');
    expect(labCookie(new URLSearchParams('name=a&value=b&expires=Wed, 21 Oct 2037 07:28:00 GMT'))).toBe(
      'a=b; Expires=Wed, 21 Oct 2037 07:28:00 GMT; Path=/',
    );
    for (const bad of [
      'name=&value=1',
      'name=a;b&value=1',
      'name=a&value=x;y',
      'name=a&samesite=sideways',
      'name=a&max_age=soon',
      'name=a&expires=never',
      'name=a&path=relative',
    ]) {
      expect(() => labCookie(new URLSearchParams(bad)), bad).toThrow();
    }
  });

  it('parses bodies the httpbin way and pulls login/note fields from form or JSON', async () => {
    const form = await parseBody(
      Buffer.from('username=alice&password=a%26b'),
      'application/x-www-form-urlencoded',
    );
    expect(fieldsOf(form)).toEqual({ username: 'alice', password: 'a&b' });
    const js = await parseBody(
      Buffer.from('{"username":"bob","n":1,"nested":{}}'),
      'application/json; charset=utf-8',
    );
    expect(js.json).toEqual({ username: 'bob', n: 1, nested: {} });
    expect(fieldsOf(js)).toEqual({ username: 'bob', n: '1' });
    const broken = await parseBody(Buffer.from('{"username":'), 'application/json');
    expect(broken).toMatchObject({ json: null, data: '{"username":' });
    expect(() => fieldsOf(broken)).toThrow(/^Malformed JSON body/);
    const binary = await parseBody(Buffer.from([0xff, 0xfe, 0x00]), 'application/octet-stream');
    expect(binary.data).toBe('data:application/octet-stream;base64,//4A');
    const textJson = await parseBody(Buffer.from('[1,2]'), 'text/plain');
    expect(textJson).toMatchObject({ json: [1, 2], jsonError: null });
    await expect(parseBody(Buffer.from('garbage'), 'multipart/form-data; boundary=x')).rejects.toMatchObject({
      status: 400,
    });
  });
});
