import type { ExtractRule } from '../shared/sessions';
import { findVariables } from '../shared/substitute';
import type { Expectation, KeyValue, RequestSpec } from '../shared/types';

/**
 * The first-run workspace: three profiles and a "Demo API" collection pointed at the demo
 * server. A new user sends "Log in" then "Who am I" as alice and as bob and sees two sessions.
 *
 * Every profile defines every variable the collection uses, so no request fails on a missing
 * variable. anonymous has no credentials: its username and password are empty, so "Log in"
 * as anonymous is answered 401 Invalid credentials, and "Who am I" 401 Not authenticated.
 */

export interface SampleProfile {
  name: string;
  color: string;
  variables: Record<string, string>;
  /** The login recipe: saved requests by `folder/name`, in order. */
  login?: { steps: string[] };
}

export interface SampleRequest {
  name: string;
  folder: string;
  request: RequestSpec;
  extract?: ExtractRule[];
}

export interface SampleWorkspace {
  profiles: SampleProfile[];
  collection: {
    name: string;
    folders: string[];
    requests: SampleRequest[];
    /** The saved matrix expectations, by `folder/name` → profile. */
    expect: Record<string, Record<string, Expectation>>;
  };
}

/** GET the form (its token goes into {{csrf}}), then POST the credentials with it. */
const LOGIN_RECIPE = { steps: ['Session/Login page', 'Session/Log in'] };

/**
 * What the first-run matrix should show: everyone may use the public endpoints; anonymous is
 * denied whatever needs a session; only admins see the admin page; and nobody but alice may read
 * "Alice's note". The demo API breaks that last rule on purpose (bob can read it by its id), so
 * the first matrix run shows exactly one red cell: Access / Alice's note as bob.
 */
function firstRunExpectations(
  requests: SampleRequest[],
  profiles: SampleProfile[],
): Record<string, Record<string, Expectation>> {
  const needsSession = new Set(['Session/Log in', 'Session/Who am I']);
  const out: Record<string, Record<string, Expectation>> = {};
  for (const r of requests) {
    const ref = `${r.folder}/${r.name}`;
    const row: Record<string, Expectation> = {};
    for (const p of profiles) {
      const anonymous = !p.login;
      let e: Expectation = 'allow';
      if (anonymous && (needsSession.has(ref) || r.folder === 'Access')) e = 'deny';
      if (ref === 'Access/Admin page') e = 'deny';
      if (ref === "Access/Alice's note" && p.name !== 'alice') e = 'deny';
      row[p.name] = e;
    }
    out[ref] = row;
  }
  return out;
}

export const SAMPLE_COLORS = { alice: '#7c5cff', bob: '#14b8a6', anonymous: '#9ca3af' } as const;

function get(url: string): RequestSpec {
  return { method: 'GET', url, headers: [], body: { type: 'none' } };
}

function post(url: string, fields: KeyValue[] = []): RequestSpec {
  return {
    method: 'POST',
    url,
    headers: [],
    body: fields.length ? { type: 'form', fields } : { type: 'none' },
  };
}

export function sampleWorkspace(demoUrl: string): SampleWorkspace {
  const baseUrl = demoUrl.replace(/\/+$/, '');
  const profiles: SampleProfile[] = [
    {
      name: 'alice',
      color: SAMPLE_COLORS.alice,
      variables: { baseUrl, username: 'alice', password: 'alice-pw', csrf: '', accountCsrf: '' },
      login: LOGIN_RECIPE,
    },
    {
      name: 'bob',
      color: SAMPLE_COLORS.bob,
      variables: { baseUrl, username: 'bob', password: 'bob-pw', csrf: '', accountCsrf: '' },
      login: LOGIN_RECIPE,
    },
    {
      name: 'anonymous',
      color: SAMPLE_COLORS.anonymous,
      variables: { baseUrl, username: '', password: '', csrf: '', accountCsrf: '' },
    },
  ];
  const r = (folder: string, name: string, request: RequestSpec, extract?: ExtractRule[]): SampleRequest => ({
    name,
    folder,
    request,
    ...(extract ? { extract } : {}),
  });
  const requests: SampleRequest[] = [
    // The login recipe of alice and bob: load the form (its CSRF token goes into {{csrf}}), then post it.
    r('Session', 'Login page', get('{{baseUrl}}/login'), [
      { name: 'csrf', source: 'regex', expr: 'name="csrf" value="([^"]+)"' },
    ]),
    r(
      'Session',
      'Log in',
      post('{{baseUrl}}/login', [
        { name: 'username', value: '{{username}}' },
        { name: 'password', value: '{{password}}' },
        { name: 'csrf', value: '{{csrf}}' },
      ]),
    ),
    r('Session', 'Who am I', get('{{baseUrl}}/profile')),
    r('Session', 'Log out', post('{{baseUrl}}/logout')),
    r('httpbin', 'Set cookie via redirect', get('{{baseUrl}}/cookies/set?session_id=abc123')),
    r('httpbin', 'Show cookies', get('{{baseUrl}}/cookies')),
    r('httpbin', 'Delete cookie', get('{{baseUrl}}/cookies/delete?session_id')),
    r('httpbin', 'Headers', get('{{baseUrl}}/headers')),
    r('httpbin', 'Redirect chain', get('{{baseUrl}}/redirect/3')),
    r('Access', 'Admin page', get('{{baseUrl}}/admin')),
    r('Access', 'My notes', get('{{baseUrl}}/notes')),
    r('Access', "Alice's note", get('{{baseUrl}}/notes/1')),
    r('Access', 'My account', get('{{baseUrl}}/account'), [
      { name: 'accountCsrf', source: 'json', expr: '$.csrf' },
    ]),
    r('Access', 'Change email', {
      ...post('{{baseUrl}}/account/email', [{ name: 'email', value: '{{username}}@tandem.test' }]),
      headers: [{ name: 'X-CSRF-Token', value: '{{accountCsrf}}' }],
    }),
    r(
      'Access',
      'New note',
      post('{{baseUrl}}/notes', [
        { name: 'title', value: 'Hello from {{username}}' },
        { name: 'body', value: 'Written in Tandem' },
      ]),
    ),
    r('Greeting', 'Remember my name', get('{{baseUrl}}/set/?username={{username}}')),
    r('Greeting', 'Greet me', get('{{baseUrl}}/')),
    r('Greeting', 'Forget my name', get('{{baseUrl}}/logout/')),
    r('Cookie lab', 'Path cookie', get('{{baseUrl}}/cookie-lab/path')),
    r('Cookie lab', 'Echo at inner path', get('{{baseUrl}}/cookie-lab/inner/echo')),
    r('Cookie lab', 'Max-Age cookie', get('{{baseUrl}}/cookie-lab/max-age')),
    r('Cookie lab', 'Expired cookie', get('{{baseUrl}}/cookie-lab/expired')),
    r('Cookie lab', 'Several cookies at once', get('{{baseUrl}}/cookie-lab/multi')),
  ];
  return {
    profiles,
    collection: {
      name: 'Demo API',
      folders: ['Session', 'httpbin', 'Access', 'Greeting', 'Cookie lab'],
      requests,
      expect: firstRunExpectations(requests, profiles),
    },
  };
}

/** The {{variable}} names a request uses (URL, headers, body fields, cookies). */
export function variablesUsed(spec: RequestSpec): string[] {
  const texts: string[] = [spec.url];
  for (const h of spec.headers) texts.push(h.name, h.value);
  for (const c of spec.cookies ?? []) texts.push(c.name, c.value);
  const b = spec.body;
  if (b.type === 'form') for (const f of b.fields) texts.push(f.name, f.value);
  if (b.type === 'text' || b.type === 'json') texts.push(b.text);
  const names = new Set<string>();
  for (const t of texts) for (const ref of findVariables(t)) names.add(ref.name);
  return [...names];
}
