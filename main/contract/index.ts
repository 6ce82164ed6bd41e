import { z } from 'zod';
import { checkSchema } from '../shared/checks';
import type { CookieImportPreview, CookieImportResult } from '../shared/cookieImport';
import type { JarCookie } from '../shared/cookieInfo';
import type { EventMap, EventName } from '../shared/events';
import {
  cookieInputSchema,
  cookieKey,
  keyValue,
  profileName,
  requestSpecSchema,
  savedRequestInput,
} from '../shared/schemas';
import { expectationSchema, extractRuleSchema, jarModeSchema, loginRecipeSchema } from '../shared/sessions';
import { settingsPatchSchema } from '../shared/settings';
import { issueLine } from '../shared/text';
import type {
  Collection,
  Comparison,
  CookieView,
  HistoryEntry,
  MatrixResult,
  Profile,
  ResponseRecord,
  Result,
  SavedRequest,
  Settings,
} from '../shared/types';
import { assertionChannels } from './assertions';
import { browserChannels } from './browser';
import { channel, collectionId, none } from './channel';
import { environmentChannels } from './environments';
import { interopChannels } from './interop';
import { responsesChannels } from './responses';
import { sessionChannels } from './sessions';
import { workbenchChannels } from './workbench';

/**
 * The one contract between the UI and the core: channel → argument schema and result type.
 * The Electron handlers, the preload bridge, the web-mode server and the renderer's Api
 * client are all derived from this map. Adding a channel means: an entry here, one line in
 * `main/core/tandem.ts`, and the UI that calls it.
 *
 * This file is imported by the renderer and the preload: zod and types only, no Node.
 */

/**
 * Channels by area. A new area declares its channels in its own file (`./<area>.ts`, using
 * `channel()` from `./channel`) and is spread in here with one line.
 */
export const contract = {
  // workspace
  'workspace.info': channel<WorkspaceInfo>()(() => none),

  // profiles
  'profiles.list': channel<Profile[]>()(() => none),
  'profiles.create': channel<Profile>()(() =>
    z.object({ name: profileName, color: z.string().optional(), copyVariablesFrom: profileName.optional() }),
  ),
  'profiles.rename': channel<Profile>()(() => z.object({ from: profileName, to: profileName })),
  'profiles.duplicate': channel<Profile>()(() => z.object({ from: profileName, to: profileName })),
  'profiles.delete': channel<{ deleted: string }>()(() => z.object({ name: profileName })),
  'profiles.update': channel<Profile>()(() => profilesUpdateArgs()),

  // requests
  'request.send': channel<ResponseRecord>()(() => sendArgs()),
  'request.cancel': channel<{ cancelled: boolean }>()(() => z.object({ sendId: z.string().min(1) })),
  /** The same request as 2–10 profiles at once; cancel it with `request.cancelCompare` and its compareId. */
  'request.compare': channel<Comparison>()(() => compareArgs()),
  'request.cancelCompare': channel<{ cancelled: boolean }>()(() =>
    z.object({ compareId: z.string().min(1) }),
  ),

  // access-control matrix: a collection's requests × profiles
  'matrix.run': channel<MatrixResult>()(() => matrixArgs()),
  'matrix.cancel': channel<{ cancelled: boolean }>()(() => z.object({ runId: z.string().min(1) })),

  // cookies (one jar per profile)
  'cookies.list': channel<JarCookie[]>()(() => z.object({ profile: profileName })),
  'cookies.set': channel<CookieView>()(() => z.object({ profile: profileName, cookie: cookieInputSchema })),
  'cookies.delete': channel<{ deleted: boolean }>()(() => z.object({ profile: profileName, key: cookieKey })),
  'cookies.clear': channel<{ removed: number }>()(() =>
    z.object({ profile: profileName, domain: z.string().optional() }),
  ),
  'cookies.import': channel<CookieImportResult>()(() =>
    importArgs().extend({ skipInvalid: z.boolean().optional() }),
  ),
  'cookies.previewImport': channel<CookieImportPreview>()(() => importArgs().omit({ profile: true })),
  'cookies.export': channel<{ text: string }>()(() =>
    z.object({ profile: profileName, format: z.enum(['netscape', 'json']) }),
  ),

  // history
  'history.list': channel<HistoryEntry[]>()(() =>
    z.object({ profile: profileName.optional(), limit: z.number().int().min(1).max(10_000).optional() }),
  ),
  'history.clear': channel<{ removed: number }>()(() => z.object({ profile: profileName.optional() })),

  // collections
  'collections.list': channel<Collection[]>()(() => none),
  'collections.create': channel<Collection>()(() => z.object({ name: z.string().min(1).max(200) })),
  /** Copies a whole collection as "<name> copy": folders, requests (new ids), variables; one write. */
  'collections.duplicate': channel<Collection>()(() => z.object({ id: collectionId })),
  'collections.rename': channel<Collection>()(() =>
    z.object({ id: collectionId, name: z.string().min(1).max(200) }),
  ),
  'collections.delete': channel<{ deleted: string }>()(() => z.object({ id: collectionId })),
  'collections.saveRequest': channel<SavedRequest>()(() =>
    z.object({
      collectionId,
      // extract / checks: the request's extraction rules and checks (absent: the saved ones are kept).
      request: savedRequestInput.extend({
        extract: z.array(extractRuleSchema).max(50).optional(),
        checks: z.array(checkSchema).max(100).optional(),
      }),
    }),
  ),
  'collections.deleteRequest': channel<{ deleted: string }>()(() =>
    z.object({ collectionId, requestId: z.string() }),
  ),
  'collections.duplicateRequest': channel<SavedRequest>()(() =>
    z.object({ collectionId, requestId: z.string() }),
  ),
  'collections.addFolder': channel<Collection>()(() =>
    z.object({ collectionId, folder: z.string().min(1).max(500) }),
  ),
  'collections.renameFolder': channel<Collection>()(() =>
    z.object({ collectionId, from: z.string().min(1), to: z.string().min(1).max(500) }),
  ),
  /** Copies a folder beside itself as "<name> copy", with its subfolders and requests; one write. */
  'collections.duplicateFolder': channel<Collection>()(() =>
    z.object({ collectionId, folder: z.string().min(1).max(500) }),
  ),
  'collections.deleteFolder': channel<Collection>()(() =>
    z.object({ collectionId, folder: z.string().min(1) }),
  ),

  // settings
  'settings.get': channel<Settings>()(() => none),
  'settings.update': channel<Settings>()(() => settingsPatch()),
  ...responsesChannels,
  ...sessionChannels,
  ...workbenchChannels,
  ...interopChannels,
  ...environmentChannels,
  ...browserChannels,
  ...assertionChannels,
};

function profilesUpdateArgs() {
  return z.object({
    name: profileName,
    patch: z.object({
      color: z.string().optional(),
      variables: z.record(z.string(), z.string()).optional(),
      headers: z.array(keyValue).optional(),
      cookieStore: z.boolean().optional(),
      /** The login recipe; null removes it. */
      login: loginRecipeSchema.nullable().optional(),
      /** Names of the variables that are secret (all of them: the list replaces the old one). */
      secrets: z.array(z.string().max(200)).max(1000).optional(),
    }),
  });
}

function sendArgs() {
  return z.object({
    profile: profileName,
    request: requestSpecSchema,
    /** Chosen by the caller so it can cancel with `request.cancel`. */
    sendId: z.string().min(1).max(100).optional(),
    /** Absolute path: stream the whole (decompressed) body to this file instead of `body` (`tandem send -o`). */
    output: z.string().min(1).max(4096).optional(),
    /** With `output`: write the body as received on the wire, still content-encoded (`tandem send -o FILE --raw`); ignored without it. */
    rawOutput: z.boolean().optional(),
    /** The saved request being sent (a login-recipe step never triggers a re-login). */
    requestId: z.string().max(200).optional(),
    /** Values to take from the response into the profile's variables. */
    extract: z.array(extractRuleSchema).max(50).optional(),
    /** false: no re-login for this send. */
    relogin: z.boolean().optional(),
  });
}

function compareArgs() {
  return z.object({
    profiles: z.array(profileName).min(2).max(10),
    request: requestSpecSchema,
    compareId: z.string().min(1).max(100).optional(),
    /** How the comparison treats the jars (default copy: the profiles are not changed). */
    jars: jarModeSchema.optional(),
  });
}

function matrixArgs() {
  const expectation = expectationSchema;
  return z.object({
    collectionId,
    profiles: z.array(profileName).min(1).max(20),
    /** Only the requests in this folder (and its subfolders). */
    folder: z.string().max(500).optional(),
    /** requestId → profile → expected verdict or status. */
    expect: z.record(z.string(), z.record(z.string(), expectation)).optional(),
    /** Count 404 as deny (default: 404 is an error verdict). */
    notFoundIsDeny: z.boolean().optional(),
    /** Profiles run at the same time (default 4). */
    concurrency: z.number().int().min(1).max(20).optional(),
    runId: z.string().min(1).max(100).optional(),
    /** How the run treats the jars (default copy); each profile's login recipe runs first. */
    jars: jarModeSchema.optional(),
    /** false: never re-login during this run. */
    relogin: z.boolean().optional(),
  });
}

function importArgs() {
  return z.object({
    profile: profileName,
    format: z.enum(['netscape', 'json']),
    text: z.string().max(50 * 1024 * 1024),
  });
}

function settingsPatch() {
  return z.object({ patch: settingsPatchSchema });
}

export interface WorkspaceInfo {
  dataDir: string;
  version: string;
  /** URL of the built-in demo API when the host started it, else null. */
  demoUrl: string | null;
  /** 'electron' or 'web'. */
  host: 'electron' | 'web' | 'cli';
  /** One-line notices about the workspace since it was opened (see the `workspace.notice` event). */
  notices: string[];
}

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.infer<Contract[C]['args']>;
export type ResultOf<C extends Channel> = Contract[C]['result'];

/** What the renderer talks to. IPC in Electron, HTTP in web mode, direct calls in tests. */
export type Api = { [C in Channel]: (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>> };

/** Same shape on the core side: one function per channel, arguments already validated. */
export type Handlers = Api;

export const channels = Object.keys(contract) as Channel[];

/** Validates raw arguments for a channel. Returns a one-line message on failure. */
export function parseArgs<C extends Channel>(
  c: C,
  raw: unknown,
): { ok: true; args: ArgsOf<C> } | { ok: false; message: string } {
  const def = contract[c];
  if (!def) return { ok: false, message: `Unknown channel "${String(c)}"` };
  const parsed = def.args.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, args: parsed.data as ArgsOf<C> };
  return { ok: false, message: issueLine(`Invalid arguments for ${c}`, parsed.error) };
}

/** Push events from core to the UI: declared once in `main/shared/events.ts` (add yours there). */
export { type EventMap, type EventName, eventNames } from '../shared/events';

/** What a host exposes to the renderer: `window.tandem` in Electron (from the preload), HTTP in web mode. */
export interface Bridge {
  invoke<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}
