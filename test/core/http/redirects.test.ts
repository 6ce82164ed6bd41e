import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { send } from '../../../main/core/http/send';
import type { RequestSpec } from '../../../main/shared/types';
import { contextFor, cookieApp, cookieHeaders, failure, serverPerFile } from './servers';

const fx = serverPerFile('tandem-redirect-', cookieApp);

const post = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'POST',
  url,
  headers: [],
  body: { type: 'json', text: '{"order":42}' },
  ...extra,
});

const echoOf = (body: string) =>
  JSON.parse(body) as { method: string; url: string; body: string; headers: Array<[string, string]> };

describe('redirects', () => {
  it('307 and 308 resend the POST body (a file body is read again from disk)', async () => {
    for (const status of [307, 308]) {
      const res = await send(post(`${fx.app.url}/redirect/${status}?to=/echo`), contextFor('alice'));
      expect(res.hops.map((h) => `${h.method} ${h.status}`)).toEqual([`POST ${status}`, 'POST 200']);
      const echo = echoOf(res.body);
      expect(echo).toMatchObject({ method: 'POST', body: '{"order":42}' });
    }
    const file = path.join(fx.dir, 'payload.txt');
    await writeFile(file, 'file contents');
    const res = await send(
      post(`${fx.app.url}/redirect/307?to=/echo`, { body: { type: 'file', path: file } }),
      contextFor('alice'),
    );
    expect(echoOf(res.body).body).toBe('file contents');
    expect(fx.app.seen.at(-2)!.body.toString()).toBe('file contents');
  });

  it('303 turns a POST into a GET without body or content headers', async () => {
    const res = await send(post(`${fx.app.url}/redirect/303?to=/echo`), contextFor('alice'));
    const echo = echoOf(res.body);
    expect(echo.method).toBe('GET');
    expect(echo.body).toBe('');
    expect(echo.headers.some(([n]) => /^content-(type|length)$/i.test(n))).toBe(false);
    expect(res.request.method).toBe('POST');
  });

  it('302 after POST becomes GET; after PUT it keeps PUT and the body', async () => {
    expect(
      echoOf((await send(post(`${fx.app.url}/redirect/302?to=/echo`), contextFor('a'))).body).method,
    ).toBe('GET');
    const put = echoOf(
      (await send(post(`${fx.app.url}/redirect/302?to=/echo`, { method: 'PUT' }), contextFor('a'))).body,
    );
    expect(put).toMatchObject({ method: 'PUT', body: '{"order":42}' });
  });

  it('resolves a relative Location against the hop URL', async () => {
    const res = await send(
      post(`${fx.app.url}/redirect/302?to=echo%3Ffrom%3Drel`, { method: 'GET', body: { type: 'none' } }),
      contextFor('a'),
    );
    expect(res.hops[0].location).toBe(`${fx.app.url}/redirect/echo?from=rel`);
  });

  it('stops after the limit: settings, then the request option', async () => {
    const f = await failure(
      send(post(`${fx.app.url}/chain/11`, { method: 'GET', body: { type: 'none' } }), contextFor('a')),
    );
    expect(f.toError()).toEqual({ code: 'TOO_MANY_REDIRECTS', message: 'Stopped after 10 redirects' });
    const ok = await send(
      post(`${fx.app.url}/chain/10`, { method: 'GET', body: { type: 'none' } }),
      contextFor('a'),
    );
    expect(ok.hops).toHaveLength(11);
    const limited = await failure(
      send(
        post(`${fx.app.url}/chain/3`, {
          method: 'GET',
          body: { type: 'none' },
          options: { maxRedirects: 2 },
        }),
        contextFor('a'),
      ),
    );
    expect(limited.message).toBe('Stopped after 2 redirects');
    const ctx = contextFor('a');
    const fromSettings = await failure(
      send(post(`${fx.app.url}/chain/2`, { method: 'GET', body: { type: 'none' } }), {
        ...ctx,
        settings: { ...ctx.settings, maxRedirects: 1 },
      }),
    );
    expect(fromSettings.message).toBe('Stopped after 1 redirect');
  });

  it('with followRedirects off the 3xx itself is the response', async () => {
    const alice = contextFor('alice');
    const res = await send(
      post(`${fx.app.url}/cookies/set?session=abc`, {
        method: 'GET',
        body: { type: 'none' },
        options: { followRedirects: false },
      }),
      alice,
    );
    expect(res.status).toBe(302);
    expect(res.hops).toHaveLength(1);
    expect(res.hops[0].location).toBe(`${fx.app.url}/cookies`);
    expect(res.cookiesSet[0].outcome).toBe('stored');
  });

  it('Authorization and per-request cookies do not follow a redirect to another origin', async () => {
    const other = `http://localhost:${fx.app.port}`;
    const alice = contextFor('alice');
    const spec = (to: string): RequestSpec => ({
      method: 'GET',
      url: `${fx.app.url}/redirect/302?to=${encodeURIComponent(to)}`,
      headers: [
        { name: 'Authorization', value: 'Bearer secret' },
        { name: 'Cookie', value: 'typed=1' },
      ],
      body: { type: 'none' },
      cookies: [{ name: 'mine', value: '1' }],
    });
    await send(spec(`${fx.app.url}/echo`), alice);
    const sameOrigin = fx.app.seen.at(-1)!;
    expect(sameOrigin.headers).toContainEqual(['Authorization', 'Bearer secret']);
    expect(cookieHeaders(sameOrigin)).toEqual(['typed=1; mine=1']);

    const res = await send(spec(`${other}/echo`), alice);
    const crossed = fx.app.seen.at(-1)!;
    expect(crossed.headers.some(([n]) => n.toLowerCase() === 'authorization')).toBe(false);
    expect(cookieHeaders(crossed)).toEqual([]);
    expect(res.hops[1].cookiesSent).toEqual([]);
    expect(fx.app.seen.at(-2)!.headers).toContainEqual(['Authorization', 'Bearer secret']);
  });
});
