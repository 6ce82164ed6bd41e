import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileJar } from '../../main/core/cookies/jar';
import { sampleWorkspace, variablesUsed } from '../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../main/demo/server';
import { substitute } from '../../main/shared/substitute';
import type { RequestSpec } from '../../main/shared/types';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => {
  await demo.close();
});

const sub = (s: string, vars: Record<string, string>) => substitute(s, vars, 'the sample request');

/** Sends a saved request as a profile, with its own jar (enough of an engine for GET and form POST). */
async function sendAs(spec: RequestSpec, vars: Record<string, string>, jar: ProfileJar) {
  let url = sub(spec.url, vars);
  let method = spec.method;
  let body: string | undefined;
  const headers: Record<string, string> = {};
  if (spec.body.type === 'form') {
    body = new URLSearchParams(
      spec.body.fields.map((f) => [sub(f.name, vars), sub(f.value, vars)]),
    ).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
  }
  for (let hop = 0; hop < 5; hop++) {
    const cookie = jar
      .cookiesFor(url)
      .map((c) => c.cookieString())
      .join('; ');
    const res = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: { ...headers, ...(cookie ? { Cookie: cookie } : {}) },
    });
    for (const sc of res.headers.getSetCookie()) jar.storeSetCookie(sc, url);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location)
      return { status: res.status, text: await res.text() };
    await res.body?.cancel();
    url = new URL(location, url).href;
    method = 'GET';
    body = undefined;
  }
  throw new Error('too many redirects');
}

describe('the first-run sample workspace', () => {
  const ws = sampleWorkspace('http://127.0.0.1:4000/');

  it('has alice, bob and anonymous, each with a distinct colour, pointing at the demo URL', () => {
    expect(ws.profiles.map((p) => p.name)).toEqual(['alice', 'bob', 'anonymous']);
    expect(new Set(ws.profiles.map((p) => p.color)).size).toBe(3);
    for (const p of ws.profiles) expect(p.variables.baseUrl).toBe('http://127.0.0.1:4000');
    expect(ws.profiles.find((p) => p.name === 'anonymous')!.variables).toMatchObject({
      username: '',
      password: '',
    });
  });

  it('every request uses only variables every profile defines, and lives in a known folder', () => {
    expect(ws.collection.name).toBe('Demo API');
    for (const r of ws.collection.requests) {
      expect(ws.collection.folders).toContain(r.folder);
      const used = variablesUsed(r.request);
      expect(used.length, r.name).toBeGreaterThan(0);
      for (const p of ws.profiles)
        for (const v of used) expect(p.variables, `${p.name} / ${r.name}`).toHaveProperty(v);
    }
    const names = ws.collection.requests.map((r) => `${r.folder}/${r.name}`);
    expect(names).toEqual(expect.arrayContaining(['Session/Log in', 'Session/Who am I', 'Session/Log out']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('finds the variables in URL, headers, form fields and cookies', () => {
    expect(
      variablesUsed({
        method: 'POST',
        url: '{{baseUrl}}/x?y={{ y }}',
        headers: [{ name: 'X-A', value: '{{a}}' }],
        body: { type: 'form', fields: [{ name: 'f', value: '{{f}}' }] },
        cookies: [{ name: 'c', value: '{{c}}' }],
      }).sort(),
    ).toEqual(['a', 'baseUrl', 'c', 'f', 'y']);
  });

  it('alice and bob log in from the sample and see two sessions; anonymous cannot log in', async () => {
    const live = sampleWorkspace(demo.url);
    const req = (name: string) => live.collection.requests.find((r) => r.name === name)!.request;
    const results: Record<string, string[]> = {};
    for (const p of live.profiles) {
      const jar = new ProfileJar();
      const login = await sendAs(req('Log in'), p.variables, jar);
      const me = await sendAs(req('Who am I'), p.variables, jar);
      const admin = await sendAs(req('Admin page'), p.variables, jar);
      const note = await sendAs(req("Alice's note"), p.variables, jar);
      results[p.name] = [login.status, me.status, admin.status, note.status].map(String);
      if (p.name !== 'anonymous') expect(JSON.parse(me.text).user).toBe(p.name);
    }
    expect(results).toEqual({
      alice: ['200', '200', '403', '200'],
      // The demo's planted bug: bob reads alice's note by its id.
      bob: ['200', '200', '403', '200'],
      anonymous: ['401', '401', '401', '401'],
    });
  });

  it('the httpbin folder sets a cookie via redirect and shows it', async () => {
    const live = sampleWorkspace(demo.url);
    const req = (name: string) => live.collection.requests.find((r) => r.name === name)!.request;
    const jar = new ProfileJar();
    const vars = live.profiles[0].variables;
    const set = await sendAs(req('Set cookie via redirect'), vars, jar);
    expect(JSON.parse(set.text)).toEqual({ cookies: { session_id: 'abc123' } });
    expect(JSON.parse((await sendAs(req('Delete cookie'), vars, jar)).text)).toEqual({ cookies: {} });
  });
});
