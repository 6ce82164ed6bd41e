import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { fail } from '../../shared/errors';
import { renameInList, renameKey } from '../../shared/profileRename';
import type { EventBus } from '../events';
import type { HistoryStore } from '../history/store';
import { isNotFound, readJsonFile, writeJsonFile } from '../store/files';
import type { Notices } from '../store/notices';
import { layout } from '../store/paths';
import { wroteFiles } from '../store/stamp';
import { isValidProfileName } from './names';

/**
 * Renaming a profile on disk, and everything else in the workspace that names it:
 *
 *   profiles/<name>/               moved whole (profile.json, the jar, its login recipe)
 *   history/<name>.jsonl           moved whole (an entry takes its profile from the file it is in)
 *   environments/<env>.json        profiles.<name>: the profile's values on that environment
 *   collections/<id>.json          expect.<request>.<name>: saved matrix expectations
 *   matrices/<m>.json              profiles[] and expect.<request>.<name>
 *   tabs.json                      tabs[].lastSent.<name>: each tab's last response as that profile
 *
 * Left as recorded: what history says happened (a run's `profiles` and its steps' `profile`, a
 * kept response's `profile`): who sent what, under the name it had then.
 *
 * A crash never loses any of it: `profiles/.rename.json` names the rename (and the folder's
 * temporary name) before anything moves and is removed last; every step does nothing when it was
 * already done (a file that no longer names the old name is left alone), so the next open of the
 * workspace finishes a rename a crash interrupted.
 */

/** The note is read back from disk: only names a rename could have written are followed. */
const planSchema = z.object({
  from: z.string().refine(isValidProfileName),
  to: z.string().refine(isValidProfileName),
  tmp: z.string().regex(/^\.renaming-[0-9a-f]{8}$/),
});
type Plan = z.infer<typeof planSchema>;

/** What a rename rewrote besides the profile's own folder and history (for the events). */
export interface Carried {
  environments: string[];
  collections: string[];
  matrices: string[];
  tabs: boolean;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj[field]`, an object keyed by profile, with `from`'s entry under `to` (shared `renameKey`); true when it had one. */
function moveKey(obj: unknown, field: string, from: string, to: string): boolean {
  if (!isObject(obj)) return false;
  const byProfile = obj[field];
  if (!isObject(byProfile)) return false;
  const moved = renameKey(byProfile, from, to);
  if (moved === byProfile) return false;
  obj[field] = moved;
  return true;
}

/** `raw[field]`: request → profile → expectation (a collection's or a matrix file's `expect`). */
function moveExpectations(raw: Json, field: string, from: string, to: string): boolean {
  const expect = raw[field];
  if (!isObject(expect)) return false;
  let changed = false;
  for (const row of Object.keys(expect)) changed = moveKey(expect, row, from, to) || changed;
  return changed;
}

const carriers: Array<{
  kind: keyof Carried;
  files: (dataDir: string) => Promise<string[]>;
  carry: (raw: Json, from: string, to: string) => boolean;
}> = [
  {
    kind: 'environments',
    files: (d) => jsonFiles(layout.environmentsDir(d)),
    carry: (raw, from, to) => moveKey(raw, 'profiles', from, to),
  },
  {
    kind: 'collections',
    files: (d) => jsonFiles(layout.collectionsDir(d)),
    carry: (raw, from, to) => moveExpectations(raw, 'expect', from, to),
  },
  {
    kind: 'matrices',
    files: (d) => jsonFiles(layout.matricesDir(d)),
    carry: (raw, from, to) => {
      let changed = moveExpectations(raw, 'expect', from, to);
      const profiles = raw.profiles;
      if (Array.isArray(profiles) && profiles.includes(from)) {
        raw.profiles = renameInList(profiles, from, to);
        changed = true;
      }
      return changed;
    },
  },
  {
    kind: 'tabs',
    files: async (d) => [layout.tabs(d)],
    carry: (raw, from, to) => {
      let changed = false;
      if (Array.isArray(raw.tabs))
        for (const t of raw.tabs) changed = moveKey(t, 'lastSent', from, to) || changed;
      return changed;
    },
  },
];

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir))
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

/** The file's JSON object, or null when it is gone or cannot be read as one (its store reports that). */
async function readObject(file: string): Promise<Json | null> {
  try {
    const raw: unknown = JSON.parse(await fs.readFile(file, 'utf8'));
    return isObject(raw) ? raw : null;
  } catch (e) {
    if (isNotFound(e) || e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Rewrites every file that names `from` to name `to` instead, each replaced atomically. */
async function carryReferences(dataDir: string, from: string, to: string): Promise<Carried> {
  const carried: Carried = { environments: [], collections: [], matrices: [], tabs: false };
  for (const c of carriers)
    for (const file of await c.files(dataDir)) {
      const raw = await readObject(file);
      if (!raw || !c.carry(raw, from, to)) continue;
      await writeJsonFile(file, raw);
      if (c.kind === 'tabs') carried.tabs = true;
      else carried[c.kind].push(path.basename(file, '.json'));
    }
  return carried;
}

async function profileFolders(dataDir: string): Promise<string[]> {
  try {
    return await fs.readdir(layout.profilesDir(dataDir));
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

/** Does what is left of a rename; each step is skipped when already done. */
async function finish(dataDir: string, history: HistoryStore, plan: Plan): Promise<Carried | null> {
  const dir = (name: string) => layout.profileDir(dataDir, name);
  let names = await profileFolders(dataDir);
  // Through a temporary name, so a change of case alone also moves on a case-insensitive disk.
  if (names.includes(plan.from) && !names.includes(plan.to)) {
    await fs.rename(dir(plan.from), dir(plan.tmp));
    names = [...names.filter((n) => n !== plan.from), plan.tmp];
  }
  if (names.includes(plan.tmp)) {
    await fs.rename(dir(plan.tmp), dir(plan.to));
    names = [...names.filter((n) => n !== plan.tmp), plan.to];
  }
  wroteFiles();
  // The folder did not move (another one took the name meanwhile): nothing else follows.
  const moved = names.includes(plan.to) && !names.includes(plan.from);
  const carried = moved ? await carryHistoryAndReferences(dataDir, history, plan) : null;
  await fs.rm(layout.profileRename(dataDir), { force: true });
  return carried;
}

async function carryHistoryAndReferences(
  dataDir: string,
  history: HistoryStore,
  plan: Plan,
): Promise<Carried> {
  await history.moveProfile(plan.from, plan.to);
  return carryReferences(dataDir, plan.from, plan.to);
}

/**
 * Renames profile `from` to `to` on disk with everything that names it (see above). The caller
 * checked both names; runs inside the write queue.
 */
export async function renameOnDisk(
  dataDir: string,
  history: HistoryStore,
  from: string,
  to: string,
): Promise<Carried> {
  const plan: Plan = { from, to, tmp: `.renaming-${randomBytes(4).toString('hex')}` };
  await writeJsonFile(layout.profileRename(dataDir), plan);
  const carried = await finish(dataDir, history, plan);
  if (!carried) fail('PROFILE_EXISTS', `Profile '${to}' already exists`);
  return carried;
}

/**
 * Finishes a rename a crash interrupted (`profiles/.rename.json` is still there). Called when a
 * workspace is opened; a failure is one notice and the note stays for the next open.
 */
export async function finishInterruptedRename(
  dataDir: string,
  history: HistoryStore,
  notices: Notices,
): Promise<void> {
  const file = layout.profileRename(dataDir);
  try {
    const plan = await readJsonFile(
      dataDir,
      file,
      (raw) => planSchema.safeParse(raw).data ?? null,
      'rename note',
    );
    if (!plan) return;
    await finish(dataDir, history, plan);
    notices.add(`The rename of profile '${plan.from}' to '${plan.to}' was interrupted; it is finished now`);
  } catch (e) {
    notices.add(
      `An interrupted profile rename could not be finished: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Tells the windows what a rename rewrote besides the profile (the profile's own event is the caller's). */
export function announceCarried(events: EventBus, carried: Carried, to: string): void {
  if (carried.environments.length) events.emit('environments.changed', {});
  for (const id of carried.collections) events.emit('collections.changed', { id });
  events.emit('history.changed', { profile: to });
}
