import { fail } from '../../shared/errors';
import {
  DEFAULT_EXPIRY_STATUSES,
  type Extracted,
  type ExtractRule,
  type LoginRecipe,
} from '../../shared/sessions';
import { substitute } from '../../shared/substitute';
import type { Collection, Profile, RequestSpec, ResponseRecord, SavedRequest } from '../../shared/types';
import type { ProfileJar } from '../cookies/jar';

/**
 * Sessions that keep themselves alive, independent of where the jar lives (the profile's own
 * jar for a single send, a run's copy, an empty jar): login recipes, expiry detection and one
 * re-login + retry. Whoever sends supplies `SessionOps`.
 */

/** What to send: a saved request (its id, name and extraction rules) or a bare spec. */
export interface SendItem {
  request: RequestSpec;
  requestId?: string;
  name?: string;
  extract?: ExtractRule[];
}

export interface SendMeta {
  /** login = a recipe step; retry = the same request again after re-login. */
  role?: 'login' | 'retry';
}

export interface SessionOps {
  /** The profile as it is now (variables included: extraction changes them). */
  profile(): Profile;
  jar(): ProfileJar;
  /** Sends once and records it (history or the run's steps); applies the item's extraction rules. */
  sendOnce(item: SendItem, meta: SendMeta): Promise<ResponseRecord>;
  /** A saved request of a recipe step. */
  collections(): Promise<Collection[]>;
}

/** The saved requests of a recipe, in order. Fails with one line naming a step that is gone. */
export async function recipeRequests(
  profile: string,
  recipe: LoginRecipe,
  collections: Collection[],
): Promise<SavedRequest[]> {
  return recipe.steps.map((s, i) => {
    const c = collections.find((x) => x.id === s.collectionId);
    const r = c?.requests.find((x) => x.id === s.requestId);
    if (!r)
      fail(
        'NOT_FOUND',
        `The login recipe of '${profile}' names a saved request that is gone (step ${i + 1}); set the recipe again`,
      );
    return r;
  });
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The recipe's login URL: its first step's URL with the profile's variables (null if it cannot be built). */
export function loginUrlOf(first: SavedRequest | undefined, profile: Profile): string | null {
  if (!first) return null;
  try {
    return substitute(first.request.url, profile.variables, 'login URL');
  } catch {
    return null;
  }
}

/**
 * Whether a response says the session is gone: a status from `expiry.statuses` (401, 419), a
 * redirect that ended on the recipe's login URL, or the expected cookie missing from the jar.
 */
export function sessionExpired(
  r: ResponseRecord,
  recipe: LoginRecipe,
  loginUrl: string | null,
  jar: ProfileJar,
): boolean {
  const statuses = recipe.expiry?.statuses ?? DEFAULT_EXPIRY_STATUSES;
  if (statuses.includes(r.status)) return true;
  const loginPath = loginUrl ? pathOf(loginUrl) : null;
  if ((recipe.expiry?.loginRedirect ?? true) && loginPath && r.hops.length > 1) {
    const landed = pathOf(r.hops.at(-1)?.url ?? '');
    if (landed === loginPath && pathOf(r.request.url) !== loginPath) return true;
  }
  const cookie = recipe.expiry?.cookie;
  if (cookie) {
    const url = r.hops.at(-1)?.url ?? r.request.url;
    try {
      if (!jar.cookiesFor(url).some((c) => c.key === cookie)) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Runs the profile's login recipe once: each saved request in order, its extraction rules
 * applied (a `{{csrf}}` taken from step 1 is used by step 2). Returns the last response.
 * Fails when the profile has no recipe or the last step is answered with 4xx/5xx.
 */
export async function runLogin(
  ops: SessionOps,
): Promise<{ response: ResponseRecord; extracted: Extracted[] }> {
  const profile = ops.profile();
  const recipe = profile.login;
  if (!recipe) fail('INVALID_ARGUMENT', `Profile '${profile.name}' has no login recipe`);
  const steps = await recipeRequests(profile.name, recipe, await ops.collections());
  let last: ResponseRecord | undefined;
  const extracted: Extracted[] = [];
  for (const s of steps) {
    last = await ops.sendOnce(
      { request: s.request, requestId: s.id, name: s.name, extract: s.extract },
      { role: 'login' },
    );
    extracted.push(...(last.extracted ?? []));
  }
  if (!last) fail('INTERNAL', 'The login recipe has no steps');
  if (last.status >= 400)
    fail(
      'UNAUTHORIZED',
      `The login recipe of '${profile.name}' was answered ${last.status} ${last.statusText}`.trim(),
    );
  return { response: last, extracted };
}

/**
 * Sends an item; when the profile has a recipe with re-login on (and the run allows it), and
 * the response says the session is gone, runs the recipe once and sends again once. The retry's
 * response carries `relogged: true`. A recipe step itself never triggers a re-login.
 */
export async function sendWithSession(
  ops: SessionOps,
  item: SendItem,
  opts: { relogin?: boolean } = {},
): Promise<ResponseRecord> {
  const first = await ops.sendOnce(item, {});
  const profile = ops.profile();
  const recipe = profile.login;
  if (!recipe || recipe.relogin === false || opts.relogin === false) return first;
  if (item.requestId && recipe.steps.some((s) => s.requestId === item.requestId)) return first;
  let steps: SavedRequest[];
  try {
    steps = await recipeRequests(profile.name, recipe, await ops.collections());
  } catch {
    return first;
  }
  if (!sessionExpired(first, recipe, loginUrlOf(steps[0], profile), ops.jar())) return first;
  try {
    await runLogin(ops);
  } catch {
    // The recipe itself failed (wrong password, server down): the first answer stands.
    return first;
  }
  const retry = await ops.sendOnce(item, { role: 'retry' });
  retry.relogged = true;
  return retry;
}
