import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { fail } from '../../shared/errors';
import { compareProfiles } from '../../shared/profileOrder';
import { keyValue } from '../../shared/schemas';
import { loginRecipeSchema } from '../../shared/sessions';
import type { Profile, ProfilePatch } from '../../shared/types';
import type { HistoryStore } from '../history/store';
import { DIR_MODE, isNotFound, makeDir, readJsonFile, writeJsonFile } from '../store/files';
import { CookieJournal, writeJournal } from '../store/journal';
import type { Notices } from '../store/notices';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import { Sealer } from '../store/secrets';
import { RecentStamps, stampOf, wroteFiles } from '../store/stamp';
import {
  checkColor,
  checkProfileName,
  colorForName,
  DEFAULT_PROFILE,
  isValidProfileName,
  pickColor,
} from './names';
import { type Carried, renameOnDisk } from './rename';

/**
 * Profiles on disk: `profiles/<name>/profile.json` (everything but the name, which is the
 * directory) and `profiles/<name>/cookies.jsonl` (the jar, see CookieJournal). The `default`
 * profile exists without being created; it is written on its first change.
 */

const profileFile = z.object({
  color: z.string().optional(),
  variables: z.record(z.string(), z.string()).optional(),
  headers: z.array(keyValue).optional(),
  cookieStore: z.boolean().optional(),
  createdAt: z.string().optional(),
  login: loginRecipeSchema.optional(),
  /** Names of secret variables; their values are in `sealed`, not in `variables`. */
  secrets: z.array(z.string()).optional(),
  /** Secret variables' values, sealed (see store/secrets.ts). */
  sealed: z.record(z.string(), z.string()).optional(),
});
type ProfileFile = z.infer<typeof profileFile>;

function toProfile(name: string, f: ProfileFile, fallbackCreated: string): Profile {
  return {
    name,
    color: f.color ?? colorForName(name),
    variables: f.variables ?? {},
    headers: f.headers ?? [],
    cookieStore: f.cookieStore ?? true,
    createdAt: f.createdAt ?? fallbackCreated,
    ...(f.login ? { login: f.login } : {}),
    ...(f.secrets?.length ? { secrets: [...new Set(f.secrets)] } : {}),
  };
}

/** The values of a profile's secret variables (what history and exports must not show). */
export function secretValues(p: Pick<Profile, 'variables' | 'secrets'>): string[] {
  return (p.secrets ?? []).map((n) => p.variables[n]).filter((v): v is string => !!v);
}

function fileOf(p: Profile): ProfileFile {
  return {
    color: p.color,
    variables: p.variables,
    headers: p.headers,
    cookieStore: p.cookieStore,
    createdAt: p.createdAt,
    ...(p.login ? { login: p.login } : {}),
  };
}

/** The names of the profile folders in a workspace (temporary and hidden folders left out). */
export async function profileNamesOnDisk(dataDir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(layout.profilesDir(dataDir), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && isValidProfileName(e.name)).map((e) => e.name);
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

export class ProfileStore {
  private readonly journals = new Map<string, Promise<CookieJournal>>();
  private readonly cache = new Map<string, { stamp: string; profile: Profile }>();
  private readonly stamps = new RecentStamps();

  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
    private readonly history: HistoryStore,
    /** Journal compaction slack (tests lower it to compact often). */
    private readonly compactSlack?: number,
    /** Where a journal reports damaged lines it set aside, and a secret that cannot be opened here. */
    private readonly notices?: Notices,
    /** Seals secret variables at rest (default: the workspace key file). */
    sealer?: Sealer,
  ) {
    this.sealer = sealer ?? new Sealer(dataDir);
  }

  private readonly sealer: Sealer;
  /** Sealed values this host could not open, per profile: written back as they were. */
  private readonly unopened = new Map<string, Record<string, string>>();

  private async onDisk(name: string): Promise<Stats | null> {
    try {
      const st = await fs.stat(layout.profileDir(this.dataDir, name));
      return st.isDirectory() ? st : null;
    } catch (e) {
      if (isNotFound(e)) return null;
      throw e;
    }
  }

  private namesOnDisk(): Promise<string[]> {
    return profileNamesOnDisk(this.dataDir);
  }

  /** Reads one profile; null when it does not exist (the default profile always exists). */
  private async read(name: string, recent = false): Promise<Profile | null> {
    // Unchanged profile.json (same file, size and time): the copy read last time. One stat.
    // `default` without a profile.json is the virtual default (written on its first change, which
    // creates the file, so the stamp changes): cached as 'none'. Other profiles without the file
    // are looked up again (their folder may have been deleted).
    // On the send path (`recent`), the stamp is looked up at most once per RECHECK_MS (store/stamp.ts).
    const file = layout.profileFile(this.dataDir, name);
    const found = await (recent ? this.stamps.of(file) : stampOf(file));
    const stamp = found === 'none' && name !== DEFAULT_PROFILE ? null : found;
    const cached = this.cache.get(name);
    if (stamp && cached?.stamp === stamp) return structuredClone(cached.profile);
    const profile = await this.readFresh(name);
    if (stamp && profile) this.cache.set(name, { stamp, profile: structuredClone(profile) });
    else this.cache.delete(name);
    return profile;
  }

  private async readFresh(name: string): Promise<Profile | null> {
    const st = await this.onDisk(name);
    if (!st) return name === DEFAULT_PROFILE ? toProfile(name, {}, new Date(0).toISOString()) : null;
    const file = await readJsonFile(
      this.dataDir,
      layout.profileFile(this.dataDir, name),
      (raw) => profileFile.safeParse(raw).data ?? null,
      'profile',
    );
    const profile = toProfile(name, file ?? {}, st.birthtime.toISOString());
    // Secret variables: unsealed into `variables`. One this host cannot open (sealed by the app's
    // OS keychain, read by the CLI) is left out, kept as it is on the next write, and reported.
    const unopened: Record<string, string> = {};
    for (const [n, sealed] of Object.entries(file?.sealed ?? {})) {
      if (!profile.secrets?.includes(n)) continue;
      try {
        profile.variables[n] = this.sealer.open(sealed, `The secret variable '${n}' of ${name}`);
      } catch (e) {
        unopened[n] = sealed;
        this.notices?.add(e instanceof Error ? e.message : String(e));
      }
    }
    if (Object.keys(unopened).length) this.unopened.set(name, unopened);
    else this.unopened.delete(name);
    return profile;
  }

  async list(): Promise<Profile[]> {
    const names = await this.namesOnDisk();
    const profiles = (await Promise.all(names.map((n) => this.read(n)))).filter((p): p is Profile => !!p);
    // `default` always exists and is usable; it is listed once it has been used or when it is the only one.
    if (!names.includes(DEFAULT_PROFILE) && profiles.length === 0)
      profiles.push((await this.read(DEFAULT_PROFILE))!);
    // default first, then in the order they were created (shared with the app)
    return profiles.sort(compareProfiles);
  }

  /** The profile, or UNKNOWN_PROFILE. `recent`: see read(). */
  async get(name: string, recent = false): Promise<Profile> {
    checkProfileName(name);
    const p = await this.read(name, recent);
    if (!p) fail('UNKNOWN_PROFILE', `Unknown profile '${name}'`);
    return p;
  }

  private async assertFree(name: string, except?: string): Promise<void> {
    checkProfileName(name);
    const lower = name.toLowerCase();
    const clash = (await this.namesOnDisk()).find((n) => n.toLowerCase() === lower && n !== except);
    if (clash || (name === DEFAULT_PROFILE && except !== DEFAULT_PROFILE))
      fail('PROFILE_EXISTS', `Profile '${clash ?? name}' already exists`);
  }

  private async write(p: Profile): Promise<void> {
    const f = fileOf(p);
    const secrets = p.secrets?.length ? [...new Set(p.secrets)] : [];
    if (secrets.length) {
      const variables = { ...p.variables };
      const sealed: Record<string, string> = {};
      const unopened = this.unopened.get(p.name) ?? {};
      for (const n of secrets) {
        if (n in variables) sealed[n] = this.sealer.seal(variables[n]);
        else if (unopened[n]) sealed[n] = unopened[n];
        delete variables[n];
      }
      Object.assign(f, { variables, secrets, sealed });
    }
    await writeJsonFile(layout.profileFile(this.dataDir, p.name), f);
  }

  /** Writes the default profile's file when it is still virtual. Runs inside the queue. */
  private async materialize(name: string): Promise<void> {
    if (await this.onDisk(name)) return;
    const p = await this.read(name);
    if (p) await this.write({ ...p, createdAt: new Date().toISOString() });
  }

  async create(name: string, color?: string): Promise<Profile> {
    await this.assertFree(name);
    const chosen = color ? checkColor(color) : pickColor((await this.list()).map((p) => p.color));
    const profile = toProfile(name, { color: chosen }, new Date().toISOString());
    await this.queue.run(async () => {
      await makeDir(layout.profilesDir(this.dataDir));
      try {
        await fs.mkdir(layout.profileDir(this.dataDir, name), { mode: DIR_MODE });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST')
          fail('PROFILE_EXISTS', `Profile '${name}' already exists`);
        throw e;
      }
      await this.write(profile);
    });
    return profile;
  }

  async update(name: string, patch: ProfilePatch): Promise<Profile> {
    const current = await this.get(name);
    const next: Profile = {
      ...current,
      ...(patch.color !== undefined ? { color: checkColor(patch.color) } : {}),
      ...(patch.variables !== undefined ? { variables: patch.variables } : {}),
      ...(patch.headers !== undefined ? { headers: patch.headers } : {}),
      ...(patch.cookieStore !== undefined ? { cookieStore: patch.cookieStore } : {}),
      ...(patch.login ? { login: patch.login } : {}),
      ...(patch.secrets !== undefined ? { secrets: [...new Set(patch.secrets)] } : {}),
    };
    if (next.secrets?.length === 0) delete next.secrets;
    if (patch.login === null) delete next.login;
    await this.queue.run(() => this.write(next));
    return next;
  }

  /** Forgets the cached jar of a profile after writing what it still had pending. */
  private async dropJar(name: string): Promise<void> {
    const cached = this.journals.get(name);
    if (!cached) return;
    this.journals.delete(name);
    const j = await cached.catch(() => null);
    if (!j) return;
    await j.flush().catch(() => undefined);
    j.detach();
  }

  /**
   * Renames a profile with everything that names it (its folder, history, values on environments,
   * matrix expectations, tabs' last responses; see rename.ts), safe against a crash at any step.
   */
  async rename(from: string, to: string): Promise<{ profile: Profile; carried: Carried }> {
    const current = await this.get(from);
    await this.assertFree(to, from);
    await this.dropJar(from);
    const carried = await this.queue.run(async () => {
      await this.materialize(from);
      return renameOnDisk(this.dataDir, this.history, from, to);
    });
    const unopened = this.unopened.get(from);
    this.unopened.delete(from);
    if (unopened) this.unopened.set(to, unopened);
    return { profile: { ...current, name: to }, carried };
  }

  async duplicate(from: string, to: string): Promise<Profile> {
    const source = await this.get(from);
    await this.assertFree(to);
    const journal = await this.jar(from);
    await journal.flush();
    const cookies = journal.jar.all();
    const profile: Profile = {
      ...source,
      name: to,
      color: pickColor((await this.list()).map((p) => p.color)),
      createdAt: new Date().toISOString(),
    };
    // Secrets this host cannot open (sealed by the app's keychain) go along as they are.
    const unopened = this.unopened.get(from);
    if (unopened) this.unopened.set(to, { ...unopened });
    await this.queue.run(async () => {
      await makeDir(layout.profileDir(this.dataDir, to));
      await writeJournal(layout.journal(this.dataDir, to), cookies);
      await this.write(profile);
    });
    return profile;
  }

  async delete(name: string): Promise<{ deleted: string }> {
    await this.get(name);
    await this.dropJar(name);
    await this.queue.run(async () => {
      await fs.rm(layout.profileDir(this.dataDir, name), { recursive: true, force: true });
      wroteFiles();
      await this.history.removeProfile(name);
    });
    return { deleted: name };
  }

  /** The profile's jar, loaded once and caught up with what other processes appended. */
  async jar(name: string): Promise<CookieJournal> {
    return (await this.open(name)).journal;
  }

  /** The profile and its jar (caught up), read once: what a send needs. */
  async open(name: string): Promise<{ profile: Profile; journal: CookieJournal }> {
    // A jar already open: read the profile and catch the jar up at the same time.
    if (this.journals.has(name)) {
      const [profile, journal] = await Promise.all([this.get(name, true), this.journalOf(name)]);
      return { profile, journal };
    }
    const profile = await this.get(name);
    return { profile, journal: await this.journalOf(name) };
  }

  private async journalOf(name: string): Promise<CookieJournal> {
    let opening = this.journals.get(name);
    if (!opening) {
      opening = CookieJournal.open({
        dataDir: this.dataDir,
        file: layout.journal(this.dataDir, name),
        lockFile: layout.journalLock(this.dataDir, name),
        queue: this.queue,
        beforeWrite: () => this.materialize(name),
        compactSlack: this.compactSlack,
        notices: this.notices,
      });
      this.journals.set(name, opening);
      try {
        return await opening;
      } catch (e) {
        this.journals.delete(name);
        throw e;
      }
    }
    const journal = await opening;
    try {
      await journal.catchUp();
    } catch (e) {
      this.journals.delete(name);
      journal.detach();
      throw e;
    }
    return journal;
  }

  /** Writes every pending cookie change and stops listening; throws the first write that failed. */
  async close(): Promise<void> {
    let failure: unknown = null;
    for (const [name, opening] of [...this.journals]) {
      this.journals.delete(name);
      const j = await opening.catch(() => null);
      if (!j) continue;
      await j.flush().catch((e) => {
        failure ??= e;
      });
      j.detach();
    }
    if (failure) throw failure;
  }
}
