import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED, redactForHistory, redactJsonText } from '../../../main/core/history/redact';
import { layout } from '../../../main/core/store/paths';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { RequestSpec } from '../../../main/shared/types';
import { unwrap } from '../../support/result';
import { type LoopbackServer, startServer, tempDir } from '../store/helpers';

describe('redactForHistory', () => {
  it('hides credential headers, auth, per-request cookies, credential-named fields and secret values', () => {
    const request: RequestSpec = {
      method: 'POST',
      url: 'https://api.test/v1/items?access_token=abc&page=2&key=TOPSECRET',
      headers: [
        { name: 'Authorization', value: 'Bearer abc' },
        { name: 'Proxy-Authorization', value: 'Basic eHk=' },
        { name: 'X-Api-Key', value: 'k-123' },
        { name: 'Accept', value: 'application/json' },
        { name: 'X-Note', value: 'token is TOPSECRET' },
      ],
      body: {
        type: 'json',
        text: '{"user":"alice","password":"hunter2","nested":{"refresh_token":"r1","n":1}}',
      },
      auth: { type: 'basic', username: 'alice', password: 'hunter2' },
      cookies: [{ name: 'session', value: 's-1' }],
    };
    const out = redactForHistory({ id: 'x', url: request.url, request }, ['TOPSECRET']);
    expect(out.url).toBe(
      `https://api.test/v1/items?access_token=${encodeURIComponent(REDACTED)}&page=2&key=${REDACTED}`,
    );
    expect(out.request.headers.map((h) => h.value)).toEqual([
      REDACTED,
      REDACTED,
      REDACTED,
      'application/json',
      `token is ${REDACTED}`,
    ]);
    expect(JSON.parse((out.request.body as { text: string }).text)).toEqual({
      user: 'alice',
      password: REDACTED,
      nested: { refresh_token: REDACTED, n: 1 },
    });
    expect(out.request.auth).toEqual({ type: 'basic', username: 'alice', password: REDACTED });
    expect(out.request.cookies).toEqual([{ name: 'session', value: REDACTED }]);
    // the input is untouched
    expect(request.auth).toEqual({ type: 'basic', username: 'alice', password: 'hunter2' });
  });

  it('form and multipart fields, bearer tokens, and JSON that does not parse', () => {
    const out = redactForHistory({
      request: {
        method: 'POST',
        url: 'http://x.test/',
        headers: [],
        body: {
          type: 'form',
          fields: [
            { name: 'username', value: 'bob' },
            { name: 'password', value: 'pw' },
            { name: 'client_secret', value: 'cs' },
          ],
        },
        auth: { type: 'bearer', token: 'tok' },
      } satisfies RequestSpec,
    });
    expect((out.request.body as { fields: Array<{ value: string }> }).fields.map((f) => f.value)).toEqual([
      'bob',
      REDACTED,
      REDACTED,
    ]);
    expect(out.request.auth).toEqual({ type: 'bearer', token: REDACTED });
    expect(redactJsonText('{"password": "pw", "user": "u", {{broken')).toBe(
      `{"password": "${REDACTED}", "user": "u", {{broken`,
    );
  });

  it('keeps a credential made only of variable references: the entry opened again sends the variable', () => {
    const out = redactForHistory({
      request: {
        method: 'POST',
        url: 'https://api.test/?session_id={{sid}}&token=abc',
        headers: [
          { name: 'Authorization', value: 'Bearer {{token}}' },
          { name: 'X-Api-Key', value: 'k-{{suffix}}' },
        ],
        body: { type: 'json', text: '{"password":"{{pw}}","secret":"s"}' },
        auth: { type: 'basic', username: 'alice', password: '{{pw}}' },
        cookies: [{ name: 'sid', value: '{{sid}}' }],
      } satisfies RequestSpec,
    });
    expect(out.request.url).toBe(
      `https://api.test/?session_id={{sid}}&token=${encodeURIComponent(REDACTED)}`,
    );
    expect(out.request.headers.map((h) => h.value)).toEqual(['Bearer {{token}}', REDACTED]);
    expect(JSON.parse((out.request.body as { text: string }).text)).toEqual({
      password: '{{pw}}',
      secret: REDACTED,
    });
    expect(out.request.auth).toEqual({ type: 'basic', username: 'alice', password: '{{pw}}' });
    expect(out.request.cookies).toEqual([{ name: 'sid', value: '{{sid}}' }]);
    expect(redactJsonText('{"password": "{{pw}}", {{broken')).toBe('{"password": "{{pw}}", {{broken');
  });
});

describe('history on disk', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: LoopbackServer;
  let t: Tandem;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempDir());
    server = await startServer((_req, res) => res.end('ok'));
    t = await createTandem({ dataDir: dir, host: 'cli' });
    unwrap(await t['profiles.create']({ name: 'alice' }));
    unwrap(
      await t['profiles.update']({
        name: 'alice',
        patch: { variables: { apiKey: 'sk-live-998877', base: server.url }, secrets: ['apiKey'] },
      }),
    );
  });
  afterEach(async () => {
    await t.close();
    await server.close();
    await cleanup();
  });

  const send = () =>
    t['request.send']({
      profile: 'alice',
      request: {
        method: 'POST',
        url: '{{base}}/login?k={{apiKey}}',
        headers: [{ name: 'Authorization', value: 'Bearer {{apiKey}}' }],
        body: { type: 'form', fields: [{ name: 'password', value: 'hunter2' }] },
        cookies: [{ name: 'sid', value: 'cookie-value-1' }],
      },
    });

  it('keeps no credential and no secret variable value', async () => {
    unwrap(await send());
    await t.close();
    const text = await fs.readFile(layout.history(dir, 'alice'), 'utf8');
    for (const s of ['sk-live-998877', 'hunter2', 'cookie-value-1']) expect(text).not.toContain(s);
    expect(text).toContain(REDACTED);
    expect(text).toContain('/login?k=');
  });

  it('keeps everything when the workspace setting "keep full history" is on', async () => {
    unwrap(await t['settings.update']({ patch: { keepFullHistory: true } }));
    unwrap(await send());
    await t.close();
    const text = await fs.readFile(layout.history(dir, 'alice'), 'utf8');
    expect(text).toContain('hunter2');
    expect(text).toContain('sk-live-998877');
    expect(text).toContain('cookie-value-1');
  });
});
