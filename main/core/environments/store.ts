import fs from 'node:fs/promises';
import {
  type Environment,
  type EnvironmentsView,
  environmentName,
  environmentSchema,
  mergeLayers,
  type VariableLayer,
  type VariablesState,
  variableLayers,
  variablesStateSchema,
} from '../../shared/environments';
import { fail } from '../../shared/errors';
import type { Collection, Profile } from '../../shared/types';
import { createJsonFile, readJsonFile, writeJsonFile } from '../store/files';
import { NamedJsonFiles } from '../store/named';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';

export interface LevelSnapshot {
  globals: Record<string, string>;
  environment: Environment | null;
}

export function layersOf(
  snap: LevelSnapshot,
  profile: Pick<Profile, 'name' | 'variables'>,
  collection?: Collection | null,
): VariableLayer[] {
  return variableLayers({
    globals: snap.globals,
    collection: collection ?? undefined,
    environment: snap.environment,
    profile,
  });
}

/** The profile with every level's variables merged in (the more specific winning), ready to send as. */
export function withLevels<P extends Pick<Profile, 'name' | 'variables'>>(
  snap: LevelSnapshot,
  profile: P,
  collection?: Collection | null,
): P {
  return { ...profile, variables: mergeLayers(layersOf(snap, profile, collection)) };
}

/**
 * Environments as readable workspace files:
 *   <dataDir>/environments/<name>.json   { name, production?, variables, profiles? }
 *   <dataDir>/variables.json             { active, globals }
 * Every read goes to the disk (the CLI and the app may edit them at the same time); writes go
 * through the workspace write queue.
 */
export class EnvironmentStore {
  /** The CLI's `--env NAME`: this core uses NAME instead of the active environment. */
  private pinned: string | null = null;

  private readonly files: NamedJsonFiles<Environment>;

  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {
    this.files = new NamedJsonFiles(dataDir, 'environments', environmentSchema, 'environment');
  }

  private file(name: string): string {
    return this.files.file(name);
  }

  private stateFile(): string {
    return layout.variables(this.dataDir);
  }

  private checkName(name: string): string {
    const ok = environmentName.safeParse(name);
    if (!ok.success)
      fail('INVALID_ARGUMENT', `Invalid environment name '${name}': use letters, digits, _ . - (up to 64)`);
    return name;
  }

  async state(): Promise<VariablesState> {
    const read = await readJsonFile(
      this.dataDir,
      this.stateFile(),
      (raw) => variablesStateSchema.safeParse(raw).data ?? null,
      'the variables file',
    );
    return read ?? { active: null, globals: {} };
  }

  list(): Promise<Environment[]> {
    return this.files.list();
  }

  private read(name: string): Promise<Environment | undefined> {
    return this.files.read(name);
  }

  async get(name: string): Promise<Environment> {
    this.checkName(name);
    const env = await this.read(name);
    if (!env) fail('NOT_FOUND', `No environment named '${name}'`);
    return env;
  }

  async view(): Promise<EnvironmentsView> {
    const [environments, state] = await Promise.all([this.list(), this.state()]);
    const active = state.active && environments.some((e) => e.name === state.active) ? state.active : null;
    return { environments, active, globals: state.globals };
  }

  /**
   * Fails when `name` is taken by another environment than `except`, also in another case (the
   * same file on macOS and Windows). File names, not parsed files: one that cannot be read still
   * holds its name. Call inside the write queue.
   */
  private async assertFree(name: string, except?: string): Promise<void> {
    if (await this.nameTaken(name, except)) this.taken(name);
  }

  /** Whether an environment other than `except` holds `name`, also in another case (see assertFree). */
  async nameTaken(name: string, except?: string): Promise<boolean> {
    const lower = name.toLowerCase();
    const names = (await fs.readdir(this.files.dir()).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
      .map((f) => f.slice(0, -5));
    return names.some((n) => n !== except && n.toLowerCase() === lower);
  }

  private taken(name: string): never {
    fail('INVALID_ARGUMENT', `An environment named '${name}' already exists`);
  }

  /**
   * Replaces an environment (the whole file), or creates it. With `create`, a name already taken
   * fails and replaces nothing.
   */
  async save(env: Environment, opts: { create?: boolean } = {}): Promise<Environment> {
    this.checkName(env.name);
    const parsed = environmentSchema.parse(env);
    await this.queue.run(async () => {
      if (!opts.create) return writeJsonFile(this.file(env.name), parsed);
      await this.assertFree(env.name);
      if (!(await createJsonFile(this.file(env.name), parsed))) this.taken(env.name);
    });
    return parsed;
  }

  async delete(name: string): Promise<void> {
    await this.get(name);
    await this.queue.run(async () => {
      await fs.rm(this.file(name), { force: true });
      const state = await this.state();
      if (state.active === name) await writeJsonFile(this.stateFile(), { ...state, active: null });
    });
  }

  /**
   * Renames an environment, keeping its variables and profile values, and the active (and this
   * core's pinned) environment pointing at it. A bad or taken name (also one differing only in
   * case, which is the same file on macOS and Windows) fails and changes nothing. The new file is
   * written in full before anything points at it and the old one goes last, so a crash at any
   * step leaves every environment readable and the active one existing.
   */
  async rename(from: string, to: string): Promise<Environment> {
    this.checkName(to);
    const env = await this.get(from);
    if (to === from) return env;
    const next: Environment = { ...env, name: to };
    await this.queue.run(async () => {
      await this.assertFree(to, from);
      const lower = to.toLowerCase();
      if (from.toLowerCase() === lower) {
        // Only the case changes: one file on a case-insensitive disk, so rewrite it and rename it.
        await writeJsonFile(this.file(from), next);
        await fs.rename(this.file(from), this.file(to));
      } else if (!(await createJsonFile(this.file(to), next))) this.taken(to);
      const state = await this.state();
      if (state.active === from) await writeJsonFile(this.stateFile(), { ...state, active: to });
      if (from.toLowerCase() !== lower) await fs.rm(this.file(from), { force: true });
    });
    if (this.pinned === from) this.pinned = to;
    return next;
  }

  async use(name: string | null): Promise<VariablesState> {
    if (name !== null) await this.get(name);
    return this.queue.run(async () => {
      const next = { ...(await this.state()), active: name };
      await writeJsonFile(this.stateFile(), next);
      return next;
    });
  }

  async setGlobals(globals: Record<string, string>): Promise<VariablesState> {
    return this.queue.run(async () => {
      const next = { ...(await this.state()), globals };
      await writeJsonFile(this.stateFile(), next);
      return next;
    });
  }

  /** This core uses `name` instead of the active environment (checked now). */
  async pin(name: string): Promise<void> {
    await this.get(name);
    this.pinned = name;
  }

  /** The environment requests use now: the pinned one, else the active one, else none. */
  async current(): Promise<Environment | null> {
    const name = this.pinned ?? (await this.state()).active;
    if (!name) return null;
    return (await this.read(name)) ?? null;
  }

  /** What the levels above the profile hold now (a run reads it once). */
  async snapshot(): Promise<LevelSnapshot> {
    const [state, environment] = await Promise.all([this.state(), this.current()]);
    return { globals: state.globals, environment };
  }

  /** The levels for a profile (and the saved request's collection, when there is one). */
  async layers(
    profile: Pick<Profile, 'name' | 'variables'>,
    collection?: Collection | null,
  ): Promise<VariableLayer[]> {
    return layersOf(await this.snapshot(), profile, collection);
  }
}
