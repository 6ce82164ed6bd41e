import { stat } from 'node:fs/promises';
import type { ArgsOf, Channel, ResultOf } from '../contract/index';
import { resolveDataDir } from '../core/store/paths';
import { fail, TandemFailure } from '../shared/errors';
import { validateProfileName } from './parse';

/** What a command sees of the outside world; `index.ts` wires it to the process, tests may fake nothing else. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal (colours allowed unless NO_COLOR). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Resolves when the user asks a long-running command (demo, web) to stop (Ctrl+C). */
  untilStopped(): Promise<void>;
  /** Calls `fn` when the user presses Ctrl+C (instead of dying mid-write); returns the unsubscribe. */
  onInterrupt(fn: () => void): () => void;
  /** Opens a URL in the user's browser; failures are ignored. */
  openUrl(url: string): void;
  /** All of standard input, as text (`tandem send --curl -`, `tandem import … -`). */
  readStdin?(): Promise<string>;
}

/** The core as the CLI uses it: every call validated by the contract, failures thrown as TandemFailure. */
export interface Core {
  readonly dataDir: string;
  call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>>;
}

export function dataDirFor(flag: string | undefined, io: CliIO): string {
  return resolveDataDir({ dataDir: flag }, io.env as NodeJS.ProcessEnv);
}

/** The workspace to open and where its notices go: what `withCore` takes. */
export function workspaceFor(
  flag: string | undefined,
  io: CliIO,
  env?: string,
): { dataDir: string; io: CliIO; env?: string } {
  return { dataDir: dataDirFor(flag, io), io, ...(env ? { env } : {}) };
}

/**
 * Opens the workspace, runs `fn`, and always flushes and closes the core before returning.
 * Workspace notices (permissions fixed, damaged lines set aside) go to `io.err`, one line each.
 */
export async function withCore<T>(
  where: string | { dataDir: string; io: Pick<CliIO, 'err'>; env?: string },
  fn: (core: Core) => Promise<T>,
): Promise<T> {
  const { dataDir, io, env } =
    typeof where === 'string' ? { dataDir: where, io: null, env: undefined } : where;
  const existing = await stat(dataDir).catch(() => null);
  if (existing && !existing.isDirectory())
    fail(
      'INVALID_ARGUMENT',
      `The workspace '${dataDir}' is a file, not a folder (check --data-dir or TANDEM_HOME)`,
    );
  // The core and the contract load here, on first use: `--help`, usage errors and the checks of
  // what the user typed above run without them (one bundle chunk, see scripts/build-cli.mjs).
  const [{ createTandem }, { localBridge }] = await Promise.all([
    import('../core/tandem'),
    import('../contract/local'),
  ]);
  const tandem = await createTandem({ dataDir, host: 'cli', ...(env ? { environment: env } : {}) });
  const unlisten = io ? tandem.notices.listen((m) => io.err(`tandem: ${m}\n`)) : () => undefined;
  const bridge = localBridge(tandem);
  const core: Core = {
    dataDir,
    async call(channel, args) {
      const result = await bridge.invoke(channel, args);
      if (!result.ok)
        throw new TandemFailure(result.error.code, result.error.message, { partial: result.error.partial });
      return result.value;
    },
  };
  try {
    return await fn(core);
  } finally {
    await tandem.close().finally(unlisten);
  }
}

/** Checks the name, then that the profile exists (`default` always does). Changes nothing. */
export async function requireProfile(core: Core, name: string): Promise<void> {
  validateProfileName(name);
  if (name === 'default') return;
  const profiles = await core.call('profiles.list', {});
  if (!profiles.some((p) => p.name === name)) fail('UNKNOWN_PROFILE', `Unknown profile '${name}'`);
}

/** The options every workspace command reads: `--json` and the global `--data-dir`. */
export interface CommonOptions {
  json?: boolean;
  dataDir?: string;
}

export function printJson(io: CliIO, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
