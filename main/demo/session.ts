import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fieldsOf } from './body';
import { deleteCookie, detail, escapeHtml, intParam, json, serializeCookie, text } from './http';
import { type DemoContext, type DemoState, HttpError, type Note, type Route } from './types';

/**
 * The login app: a signed session cookie (like itsdangerous: "alice.<sig>"), a profile page,
 * an admin page and per-user notes, so each profile sees different access.
 */

export type Role = 'user' | 'admin';

export const USERS: Record<string, { password: string; role: Role }> = {
  alice: { password: 'alice-pw', role: 'user' },
  bob: { password: 'bob-pw', role: 'user' },
  admin: { password: 'admin-pw', role: 'admin' },
};

export const SESSION_COOKIE = 'session';
/** The login form's CSRF cookie (GET /login sets it; a form POST must send the same token back). */
export const LOGIN_CSRF_COOKIE = 'login_csrf';

/** A per-user CSRF token for the account endpoints: HMAC of the user, so it needs no server state. */
export function csrfTokenFor(secret: Buffer, user: string): string {
  return createHmac('sha256', secret).update(`csrf:${user}`).digest('hex').slice(0, 32);
}

function loginForm(token: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Log in · Tandem demo</title></head>
<body>
<h1>Log in</h1>
<form method="post" action="/login">
<input type="hidden" name="csrf" value="${escapeHtml(token)}">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Log in</button>
</form>
</body></html>
`;
}

function signature(secret: Buffer, user: string): string {
  return createHmac('sha256', secret).update(user).digest('base64url');
}

/** "alice" → "alice.<base64url HMAC-SHA256>". */
export function signSession(secret: Buffer, user: string): string {
  return `${user}.${signature(secret, user)}`;
}

/** The user a session value proves, or null when it is malformed, tampered or for an unknown user. */
export function verifySession(secret: Buffer, value: string | undefined): string | null {
  if (!value) return null;
  const dot = value.lastIndexOf('.');
  if (dot <= 0) return null;
  const user = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(secret, user));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Object.hasOwn(USERS, user) ? user : null;
}

interface SessionUser {
  user: string;
  role: Role;
}

function currentUser(ctx: DemoContext): SessionUser | null {
  const user = verifySession(ctx.state.secret, ctx.cookies[SESSION_COOKIE]);
  return user ? { user, role: USERS[user].role } : null;
}

function requireUser(ctx: DemoContext): SessionUser {
  const u = currentUser(ctx);
  if (!u) throw new HttpError(401, 'Not authenticated');
  return u;
}

/** Notes every server starts with, so access differs per user from the first request. */
export function initialNotes(now = new Date()): Map<number, Note> {
  const at = now.toISOString();
  return new Map<number, Note>([
    [1, { id: 1, owner: 'alice', title: "Alice's shopping list", body: 'milk, eggs', createdAt: at }],
    [2, { id: 2, owner: 'bob', title: "Bob's todo", body: 'fix the bike', createdAt: at }],
  ]);
}

/** Who may read a note: its owner and admins. */
export function canRead(u: SessionUser, note: Note): boolean {
  return u.role === 'admin' || note.owner === u.user;
}

function noteById(ctx: DemoContext): Note {
  const id = intParam(ctx.params.id);
  const note = id === null ? undefined : ctx.state.notes.get(id);
  if (!note) throw new HttpError(404, `Note "${ctx.params.id}" not found`);
  return note;
}

function createNote(state: DemoState, owner: string, title: string, body: string): Note {
  const note: Note = { id: state.nextNoteId++, owner, title, body, createdAt: new Date().toISOString() };
  state.notes.set(note.id, note);
  return note;
}

export const sessionRoutes: Route[] = [
  {
    methods: ['GET'],
    pattern: '/login',
    description:
      'The login form (HTML): a hidden "csrf" field, and the same token in the "login_csrf" cookie',
    handle: () => {
      const token = randomBytes(16).toString('hex');
      const cookie = serializeCookie(LOGIN_CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/login',
      });
      return text(200, loginForm(token), 'text/html; charset=utf-8', [['Set-Cookie', cookie]]);
    },
  },
  {
    methods: ['POST'],
    pattern: '/login',
    description: 'Log in (form or JSON: username, password); sets the signed "session" cookie',
    handle: async (ctx) => {
      const fields = fieldsOf(await ctx.body());
      if (fields.username === undefined || fields.password === undefined)
        throw new HttpError(400, 'Both "username" and "password" are required');
      // A form that sends a csrf token must send the one GET /login gave (API clients send none).
      if (fields.csrf && fields.csrf !== ctx.cookies[LOGIN_CSRF_COOKIE])
        return detail(403, 'CSRF token missing or wrong: load GET /login first');
      const account = Object.hasOwn(USERS, fields.username) ? USERS[fields.username] : undefined;
      if (!account || account.password !== fields.password) return detail(401, 'Invalid credentials');
      const cookie = serializeCookie(SESSION_COOKIE, signSession(ctx.state.secret, fields.username), {
        httpOnly: true,
        sameSite: 'Lax',
      });
      return json(200, { ok: true, user: fields.username, role: account.role }, [['Set-Cookie', cookie]]);
    },
  },
  {
    methods: ['POST'],
    pattern: '/logout',
    description: 'Log out: deletes the "session" cookie',
    handle: () => json(200, { ok: true }, [['Set-Cookie', deleteCookie(SESSION_COOKIE)]]),
  },
  {
    methods: ['GET'],
    pattern: '/profile',
    description: 'Who am I: {"user", "role"}, or 401 without a valid session',
    handle: (ctx) => json(200, requireUser(ctx)),
  },
  {
    methods: ['GET'],
    pattern: '/admin',
    description: 'Admins only: 401 logged out, 403 for users',
    handle: (ctx) => {
      const u = requireUser(ctx);
      if (u.role !== 'admin') return detail(403, 'Forbidden');
      return json(200, {
        user: u.user,
        role: u.role,
        users: Object.entries(USERS).map(([name, a]) => ({ user: name, role: a.role })),
      });
    },
  },
  {
    methods: ['GET'],
    pattern: '/notes',
    description: "Your notes (admins see everyone's)",
    handle: (ctx) => {
      const u = requireUser(ctx);
      return json(200, { notes: [...ctx.state.notes.values()].filter((n) => canRead(u, n)) });
    },
  },
  {
    methods: ['POST'],
    pattern: '/notes',
    description: 'Create a note (form or JSON: title, body)',
    handle: async (ctx) => {
      const u = requireUser(ctx);
      const fields = fieldsOf(await ctx.body());
      const title = (fields.title ?? '').trim();
      if (!title) throw new HttpError(400, 'A note needs a "title"');
      const note = createNote(ctx.state, u.user, title, fields.body ?? '');
      return json(201, note, [['Location', `/notes/${note.id}`]]);
    },
  },
  {
    methods: ['GET'],
    pattern: '/notes/:id',
    // THE DEMO'S PLANTED BUG (an IDOR): any logged-in user can read any note by its id; only
    // the list and DELETE check the owner. The first-run access matrix finds it (one red cell).
    description: 'One note (bug on purpose: any logged-in user can read any note by id)',
    handle: (ctx) => {
      requireUser(ctx);
      return json(200, noteById(ctx));
    },
  },
  {
    methods: ['GET'],
    pattern: '/account',
    description: 'Your account and the CSRF token that POST /account/email needs',
    handle: (ctx) => {
      const u = requireUser(ctx);
      const email = ctx.state.emails?.get(u.user) ?? `${u.user}@example.test`;
      return json(200, { user: u.user, email, csrf: csrfTokenFor(ctx.state.secret, u.user) });
    },
  },
  {
    methods: ['POST'],
    pattern: '/account/email',
    description: 'Change your email (form or JSON: email); needs the X-CSRF-Token header or a "csrf" field',
    handle: async (ctx) => {
      const u = requireUser(ctx);
      const fields = fieldsOf(await ctx.body());
      const given = ctx.headers['X-Csrf-Token'] ?? fields.csrf;
      if (!given || given !== csrfTokenFor(ctx.state.secret, u.user))
        return detail(403, 'CSRF token missing or wrong: GET /account gives it');
      const email = (fields.email ?? '').trim();
      if (!email.includes('@')) throw new HttpError(400, 'An "email" with an @ is required');
      ctx.state.emails ??= new Map();
      ctx.state.emails.set(u.user, email);
      return json(200, { ok: true, user: u.user, email });
    },
  },
  {
    methods: ['DELETE'],
    pattern: '/notes/:id',
    description: 'Delete one of your notes (admins may delete any)',
    handle: (ctx) => {
      const u = requireUser(ctx);
      const note = noteById(ctx);
      if (!canRead(u, note)) return detail(403, 'Forbidden');
      ctx.state.notes.delete(note.id);
      return json(200, { ok: true, deleted: note.id });
    },
  },
];
