import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fail, TandemFailure } from '../../shared/errors';
import { shownPath } from './paths';

let generation = 0;

/**
 * Bumped by every write of this process to a workspace file, so cached file stamps
 * (`./stamp`) know this process changed something.
 */
export function wroteFiles(): void {
  generation++;
}

/** How many workspace writes this process made so far (see `wroteFiles`). */
export function writeGeneration(): number {
  return generation;
}

/**
 * Workspace files hold live session cookies and credentials: only their owner may read them.
 * Every file the store creates is FILE_MODE, every folder DIR_MODE (see also privatizeWorkspace).
 */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** `mkdir -p` with private folders. */
export async function makeDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
}

/** Appends text to a private file (created 0600), creating its folder when missing. */
export async function appendPrivate(file: string, text: string): Promise<void> {
  try {
    await fs.appendFile(file, text, { encoding: 'utf8', mode: FILE_MODE });
  } catch (e) {
    if (!isNotFound(e)) throw e;
    await makeDir(path.dirname(file));
    await fs.appendFile(file, text, { encoding: 'utf8', mode: FILE_MODE });
  }
}

/** Writes a file so that a crash leaves either the old or the new content: temp file, fsync, rename, fsync dir. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const dir = path.dirname(file);
  await makeDir(dir);
  const tmp = tempBeside(file);
  try {
    await writeSynced(tmp, data, 'w');
    await fs.rename(tmp, file);
    wroteFiles();
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw ioFailure(e, file);
  }
  await syncDir(dir);
}

/** A temp file's name beside `file` (hidden, unique to this process and call). */
function tempBeside(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** Writes `data` to `file` (opened with `flag`) and fsyncs it before closing. */
async function writeSynced(file: string, data: string, flag: 'w' | 'wx'): Promise<void> {
  const fh = await fs.open(file, flag, FILE_MODE);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const fh = await fs.open(dir, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  } catch {
    /* some file systems cannot fsync a directory; the rename is still atomic */
  }
}

export function isNotFound(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export function ioFailure(e: unknown, file: string): TandemFailure {
  if (e instanceof TandemFailure) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  return new TandemFailure('STORE_IO', `Cannot write ${file} (${code})`);
}

/** `2026-11-23T14-41-53-123Z`: a timestamp that is safe in a file name. */
export function fileStamp(d = new Date()): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/**
 * Moves an unreadable file aside (`<file>.corrupt-<timestamp>`, kept for the user) and throws
 * STORE_CORRUPT naming it. Never overwrites or deletes what was there.
 */
export async function quarantine(dataDir: string, file: string, problem: string): Promise<never> {
  const aside = `${file}.corrupt-${fileStamp()}`;
  let kept = `; it was kept as ${path.basename(aside)}`;
  try {
    await fs.rename(file, aside);
  } catch (e) {
    if (isNotFound(e)) kept = '';
    else kept = '; it could not be moved aside';
  }
  fail('STORE_CORRUPT', `${shownPath(dataDir, file)} ${problem}${kept}`);
}

/** Line (1-based) of a JSON.parse error, when the engine says where. */
export function jsonErrorLine(text: string, e: unknown): number | null {
  const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!m) return null;
  const pos = Number(m[1]);
  return text.slice(0, pos).split('\n').length;
}

/**
 * Reads a JSON file: undefined when it does not exist; a parsed value checked by `check`
 * (which returns the value or null when its shape is wrong); STORE_CORRUPT otherwise, with the
 * file moved aside.
 */
export async function readJsonFile<T>(
  dataDir: string,
  file: string,
  check: (raw: unknown) => T | null,
  what: string,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if (isNotFound(e)) return undefined;
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    fail('STORE_IO', `Cannot read ${shownPath(dataDir, file)} (${code})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const line = jsonErrorLine(text, e);
    return quarantine(dataDir, file, `is not valid JSON${line ? ` (line ${line})` : ''}`);
  }
  const value = check(raw);
  if (value === null) return quarantine(dataDir, file, `is not a valid ${what}`);
  return value;
}

export function writeJsonFile(file: string, value: unknown): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Creates `file` with `value` as JSON, whole or not at all (temp file, fsync, then a hard link that
 * never replaces anything): false, and nothing written, when a file of that name already exists.
 * Where hard links are not supported the temp file is renamed in after checking the name is free.
 */
export async function createJsonFile(file: string, value: unknown): Promise<boolean> {
  const dir = path.dirname(file);
  await makeDir(dir);
  const tmp = tempBeside(file);
  try {
    await writeSynced(tmp, `${JSON.stringify(value, null, 2)}\n`, 'wx');
    try {
      await fs.link(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
      const taken = await fs.access(file).then(
        () => true,
        () => false,
      );
      if (taken) return false;
      await fs.rename(tmp, file);
    }
    wroteFiles();
  } catch (e) {
    throw ioFailure(e, file);
  } finally {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  }
  await syncDir(dir);
  return true;
}
