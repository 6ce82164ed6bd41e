import { createHmac, timingSafeEqual } from 'node:crypto';
import { fieldsOf } from './body';
import { deleteCookie, detail, intParam, json, serializeCookie } from './http';
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
    methods: ['POST'],
    pattern: '/login',
    description: 'Log in (form or JSON: username, password); sets the signed "session" cookie',
    handle: async (ctx) => {
      const fields = fieldsOf(await ctx.body());
      if (fields.username === undefined || fields.password === undefined)
        throw new HttpError(400, 'Both "username" and "password" are required');
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
    description: "One note: 403 if it is another user's",
    handle: (ctx) => {
      const u = requireUser(ctx);
      const note = noteById(ctx);
      if (!canRead(u, note)) return detail(403, 'Forbidden');
      return json(200, note);
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
