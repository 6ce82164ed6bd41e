import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import type { SavedBody } from '../../shared/limits';
import { decodeToFile } from './decode';

/**
 * The response spool: where bodies larger than the in-memory cap are written as they arrive (raw,
 * still content-encoded), so "save the full body" works in bounded memory. One Spool per open core,
 * in `<workspace>/spool/`. It keeps the last `keep` bodies it spooled (older files are deleted) and
 * deletes its own files on close; files left by a process that died are deleted after a day.
 */

const STALE_MS = 24 * 60 * 60 * 1000;
const DEFAULT_KEEP = 10;

interface Entry {
  file: string;
  codings: string[];
}

export class Spool {
  private readonly entries = new Map<string, Entry>();
  private ready = false;
  private closed = false;

  constructor(
    readonly dir: string,
    private readonly keep = DEFAULT_KEEP,
  ) {}

  /** A fresh file path for a body about to arrive (the folder is made on first use). */
  fileFor(id: string): string {
    if (this.closed) fail('INTERNAL', 'The response spool is closed');
    if (!this.ready) {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      this.sweepStale();
      this.ready = true;
    }
    return path.join(this.dir, `${id}.body`);
  }

  /** Keeps a spooled body under the response's id; the oldest beyond `keep` are deleted. */
  register(responseId: string, file: string, codings: string[]): void {
    this.entries.set(responseId, { file, codings });
    while (this.entries.size > this.keep) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(oldest);
      rmSync(entry.file, { force: true });
    }
  }

  has(responseId: string): boolean {
    return this.entries.has(responseId);
  }

  /** Writes the full body of a spooled response to `dest`, decompressed, streamed. */
  async save(responseId: string, dest: string): Promise<SavedBody> {
    const entry = this.entries.get(responseId);
    if (!entry)
      fail(
        'NOT_FOUND',
        `No full body is kept for response ${responseId}: only the last ${this.keep} truncated bodies of this session are`,
      );
    if (!path.isAbsolute(dest))
      fail('INVALID_ARGUMENT', `Give an absolute path to save the body to, not "${dest}"`);
    try {
      const bytes = await decodeToFile(entry.file, entry.codings, dest);
      return { path: dest, bytes };
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      const why = e instanceof Error ? e.message : String(e);
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR')
        fail('INVALID_FILE', `Could not write ${dest}: ${why}`);
      fail('STORE_IO', `Could not save the body to ${dest}: ${why}`);
    }
  }

  /** Deletes every body this spool kept. */
  async close(): Promise<void> {
    this.closed = true;
    const files = [...this.entries.values()].map((e) => e.file);
    this.entries.clear();
    await Promise.allSettled(files.map((f) => rm(f, { force: true })));
  }

  private sweepStale(): void {
    const now = Date.now();
    try {
      for (const name of readdirSync(this.dir)) {
        const file = path.join(this.dir, name);
        try {
          if (now - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
        } catch {
          // gone already
        }
      }
    } catch {
      // an unreadable spool folder only means nothing is swept
    }
  }
}

// ---------- one spool per workspace in this process ----------

const open = new Map<string, { spool: Spool; users: number }>();

/** The spool of the workspace at `dataDir` (`<dataDir>/spool`), shared by the cores open on it in this process. */
export function openSpool(dataDir: string): Spool {
  let entry = open.get(dataDir);
  if (!entry) {
    entry = { spool: new Spool(path.join(dataDir, 'spool')), users: 0 };
    open.set(dataDir, entry);
  }
  entry.users++;
  return entry.spool;
}

/** The open spool of a workspace, if a core has it open. */
export function spoolFor(dataDir: string): Spool | undefined {
  return open.get(dataDir)?.spool;
}

/** One core is done with the spool; the last one deletes the bodies it kept. */
export async function closeSpool(dataDir: string): Promise<void> {
  const entry = open.get(dataDir);
  if (!entry || --entry.users > 0) return;
  open.delete(dataDir);
  await entry.spool.close();
}
