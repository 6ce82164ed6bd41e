import { describe, expect, it } from 'vitest';
import { findRedacted, isVariableOnly, REDACTED, redactionNotice } from '../../main/shared/redaction';
import type { RequestSpec } from '../../main/shared/types';

const spec = (over: Partial<RequestSpec>): RequestSpec => ({
  method: 'GET',
  url: 'http://api.test/',
  headers: [],
  body: { type: 'none' },
  ...over,
});
const enc = encodeURIComponent(REDACTED);

describe('findRedacted', () => {
  it('finds nothing in a request without the placeholder', () => {
    expect(findRedacted(spec({ url: 'http://api.test/x?session_id=abc&page=2' }))).toEqual([]);
  });

  it('names each query value, header, body field, auth field, cookie and the proxy that holds it', () => {
    const found = findRedacted(
      spec({
        method: 'POST',
        url: `http://api.test/items?session_id=${enc}&page=2&key=${REDACTED}`,
        headers: [
          { name: 'Accept', value: 'application/json' },
          { name: 'Authorization', value: REDACTED },
          { name: 'X-Old', value: REDACTED, enabled: false },
        ],
        body: {
          type: 'json',
          text: `{"user":"alice","password":"${REDACTED}","n":{"refresh_token":"${REDACTED}"}}`,
        },
        auth: { type: 'basic', username: 'alice', password: REDACTED },
        cookies: [
          { name: 'sid', value: REDACTED },
          { name: 'off', value: REDACTED, enabled: false },
        ],
        options: { proxy: `http://u:${enc}@proxy.test:3128` },
      }),
    );
    expect(found).toEqual([
      { where: 'query', name: 'session_id' },
      { where: 'query', name: 'key' },
      { where: 'header', name: 'Authorization' },
      { where: 'body', name: 'password' },
      { where: 'body', name: 'refresh_token' },
      { where: 'auth', name: 'password' },
      { where: 'cookie', name: 'sid' },
      { where: 'option', name: 'proxy' },
    ]);
  });

  it('form and multipart fields, bearer tokens, text bodies, JSON that does not parse, a secret in the path', () => {
    const form = spec({
      body: {
        type: 'form',
        fields: [
          { name: 'username', value: 'bob' },
          { name: 'password', value: REDACTED },
        ],
      },
      auth: { type: 'bearer', token: REDACTED },
    });
    expect(findRedacted(form)).toEqual([
      { where: 'body', name: 'password' },
      { where: 'auth', name: 'token' },
    ]);
    const multipart = spec({
      body: {
        type: 'multipart',
        parts: [
          { kind: 'field', name: 'api_key', value: REDACTED },
          { kind: 'file', name: 'f', path: '/tmp/x' },
        ],
      },
    });
    expect(findRedacted(multipart)).toEqual([{ where: 'body', name: 'api_key' }]);
    expect(findRedacted(spec({ body: { type: 'text', text: `token is ${REDACTED}` } }))).toEqual([
      { where: 'body', name: 'body' },
    ]);
    expect(
      findRedacted(spec({ body: { type: 'json', text: `{"password": "${REDACTED}", {{broken` } })),
    ).toEqual([{ where: 'body', name: 'password' }]);
    expect(findRedacted(spec({ url: `http://api.test/users/${enc}/x` }))).toEqual([
      { where: 'url', name: 'URL' },
    ]);
  });
});

describe('redactionNotice', () => {
  it('is one line naming each value and where it was', () => {
    expect(
      redactionNotice([
        { where: 'query', name: 'session_id' },
        { where: 'header', name: 'Authorization' },
      ]),
    ).toBe(
      '2 values were redacted in history: session_id (query), Authorization (header) — fill them in or use a variable before sending',
    );
    expect(redactionNotice([{ where: 'url', name: 'URL' }])).toBe(
      '1 value was redacted in history: the URL path — fill it in or use a variable before sending',
    );
  });
});

describe('isVariableOnly', () => {
  it('is a value made of variable references, optionally after an auth scheme', () => {
    for (const v of ['{{token}}', 'Bearer {{token}}', '{{ user }}:{{pass}}', 'Basic {{b64}}'])
      expect(isVariableOnly(v), v).toBe(true);
    for (const v of ['', 'abc', 'Bearer abc', 'sk-live {{x}}', 'abc{{x}}', 'Bearer{{x}}', '{{a b}}'])
      expect(isVariableOnly(v), v).toBe(false);
  });
});
