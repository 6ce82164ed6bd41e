import { type Stats, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Cookie } from 'tough-cookie';
import { fail } from '../../shared/errors';
import type { CookieKey } from '../../shared/types';
import { type CookieChange, ProfileJar, type SerializedCookie } from '../cookies/jar';
import { appendPrivate, FILE_MODE, ioFailure, isNotFound, makeDir, writeFileAtomic } from './files';
import { isLocked, waitUnlocked, withLock } from './lock';
import type { Notices } from './notices';
import { shownPath } from './paths';
import { gather, urgently, type WriteQueue } from './queue';

/**
 * A profile's jar persisted as an append-only journal (`cookies.jsonl`, one CookieChange per line).
 *
 * - Every change made through the jar is appended (changes of one tick coalesced into one write,
 *   O_APPEND), so saving costs what changed, not the jar's size.
 * - `catchUp()` reads only the bytes other processes appended since our last read and replays them
 *   in file order; a shrunk or replaced file (compacted elsewhere) is reloaded fully.
 * - A line cut short by a killed writer is never read (we stop at the last newline); the next
 *   writer ends it and adds a `{"op":"torn"}` marker after it, so readers skip it.
 * - Compaction holds `cookies.lock` (created with `wx`; broken when its owner is dead). Appends
 *   take no lock: they check it after writing and, if a compaction replaced the file meanwhile,
 *   append again (see appendChunk), so no change is lost and each process keeps its own order.
 *   Readers take no lock.
 * - When the journal has grown well past the live cookies, it is rewritten atomically as one `set`
 *   line per cookie.
 */

const TORN = '{"op":"torn"}';

/**
 * Which file this is. Inode numbers alone are reused (a compaction frees one, the next takes it),
 * so the creation time goes with it.
 */
function fileId(st: { ino: number; birthtimeMs: number }): string {
  return `${st.ino}:${st.birthtimeMs}`;
}
const NEWLINE = 0x0a;

type Line = CookieChange | 'torn';

export interface JournalOptions {
  dataDir: string;
  file: string;
  lockFile: string;
  queue: WriteQueue;
  /** Runs before the first append (e.g. to create the profile on disk). */
  beforeWrite?: () => Promise<void>;
  /** Compact once the journal has more lines than 2 × live cookies + this (default 1000). */
  compactSlack?: number;
  /** Where damaged lines set aside are reported. */
  notices?: Notices;
}

/** `profiles/<name>/cookies.damaged.jsonl`: damaged journal lines, kept for the user. */
export function sideFileOf(journal: string): string {
  return path.join(path.dirname(journal), 'cookies.damaged.jsonl');
}

export interface DamagedLine {
  /** 1-based line number in the journal as it was. */
  line: number;
  /** The line's text when it is valid UTF-8, else its bytes in base64. */
  text?: string;
  base64?: string;
  /** True for bytes after the last newline. */
  unfinished?: boolean;
}

/**
 * Splits a journal into the good lines (text to keep, and how many) and the damaged ones. Empty
 * lines and torn markers are dropped; a line that does not parse (torn halves included) is damaged.
 * Pure.
 */
export function splitDamage(buf: Buffer): { kept: { text: string; lines: number }; aside: DamagedLine[] } {
  const keptParts: string[] = [];
  const aside: DamagedLine[] = [];
  let start = 0;
  let lineNo = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(NEWLINE, start);
    const end = nl < 0 ? buf.length : nl;
    const bytes = buf.subarray(start, end);
    lineNo++;
    start = end + 1;
    const text = bytes.toString('utf8');
    if (text.trim() === '' || text === TORN) continue;
    const parsed = nl < 0 ? null : parseLine(text);
    if (parsed !== null && parsed !== 'torn') {
      keptParts.push(`${text}\n`);
      continue;
    }
    const exact = Buffer.from(text, 'utf8').equals(bytes);
    aside.push({
      line: lineNo,
      ...(exact ? { text } : { base64: bytes.toString('base64') }),
      ...(nl < 0 ? { unfinished: true } : {}),
    });
  }
  return { kept: { text: keptParts.join(''), lines: keptParts.length }, aside };
}

function keyString(k: CookieKey): string {
  return `${k.domain}\t${k.path}\t${k.name}`;
}

function changeKey(c: CookieChange): string {
  if (c.op === 'delete') return keyString(c.key);
  return keyString(setKey(c.cookie));
}

function setKey(cookie: SerializedCookie): CookieKey {
  const o = cookie as { domain?: unknown; path?: unknown; key?: unknown };
  return { domain: String(o.domain ?? ''), path: String(o.path ?? '/'), name: String(o.key ?? '') };
}

/** A date field as tough-cookie serializes it: absent, null, 'Infinity' or a date it can read back. */
function dateOk(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    v === 'Infinity' ||
    (typeof v === 'string' && !Number.isNaN(Date.parse(v)))
  );
}

/** The fields of a serialized cookie that would break the jar later if they were of the wrong kind. */
function cookieFieldsOk(c: Record<string, unknown>): boolean {
  const text = (v: unknown) => v === undefined || v === null || typeof v === 'string';
  const maxAge = c.maxAge;
  return (
    dateOk(c.creation) &&
    dateOk(c.expires) &&
    dateOk(c.lastAccessed) &&
    text(c.value) &&
    text(c.path) &&
    (maxAge === undefined ||
      maxAge === null ||
      typeof maxAge === 'number' ||
      maxAge === 'Infinity' ||
      maxAge === '-Infinity')
  );
}

function parseLine(line: string): Line | null {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (o.op === 'torn') return 'torn';
  if (o.op === 'set' && o.cookie && typeof o.cookie === 'object') {
    const c = o.cookie as Record<string, unknown>;
    if (typeof c.key === 'string' && typeof c.domain === 'string' && cookieFieldsOk(c))
      return o as CookieChange;
  }
  if (o.op === 'delete' && o.key && typeof o.key === 'object') {
    const k = o.key as Record<string, unknown>;
    if (typeof k.domain === 'string' && typeof k.path === 'string' && typeof k.name === 'string')
      return o as CookieChange;
  }
  return null;
}

/** A `set` whose cookie has already expired replays as a delete. */
function expiredAt(c: CookieChange, now: number): boolean {
  if (c.op !== 'set') return false;
  const { expires, maxAge, creation } = c.cookie as {
    expires?: unknown;
    maxAge?: unknown;
    creation?: unknown;
  };
  if (typeof maxAge === 'number') {
    const born = typeof creation === 'string' ? Date.parse(creation) : now;
    return maxAge <= 0 || born + maxAge * 1000 <= now;
  }
  if (maxAge === '-Infinity') return true;
  return typeof expires === 'string' && expires !== 'Infinity' && Date.parse(expires) <= now;
}

/** Where an append landed: the file, its size before our bytes, and after (as seen right after writing). */
interface Appended {
  id: string;
  before: number;
  after: number;
}

/**
 * Appends `text` to the live journal without taking the lock. The write counts when, right after
 * it, no compaction holds the lock and the path is still the file we wrote to (our open handle
 * keeps its inode from being reused). Otherwise we wait for the compaction to end: if it replaced
 * the file, the chunk is appended again (a repeat of a change is harmless; our next changes come
 * after it, so our own order holds). Returns where the bytes landed when nothing else moved.
 */
async function appendChunk(
  file: string,
  lockFile: string,
  shown: string,
  text: string,
  endsClean: (id: string, size: number) => boolean,
): Promise<Appended | null> {
  const bytes = Buffer.from(text, 'utf8');
  for (let attempt = 0; attempt < 10; attempt++) {
    const fh = await fs.open(file, 'a+', FILE_MODE);
    try {
      const st = await fh.stat();
      let prefix = '';
      if (st.size > 0 && !endsClean(fileId(st), st.size)) {
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, st.size - 1);
        if (last[0] !== NEWLINE) prefix = `\n${TORN}\n`;
      }
      await fh.write(prefix ? Buffer.concat([Buffer.from(prefix), bytes]) : bytes);
      const compacting = await isLocked(lockFile);
      if (compacting) await waitUnlocked(lockFile, shown);
      const now = await fs.stat(file).catch(() => null);
      if (now && fileId(now) === fileId(st)) {
        const clean = !compacting && !prefix && now.size === st.size + bytes.length;
        return clean ? { id: fileId(st), before: st.size, after: now.size } : null;
      }
    } finally {
      await fh.close();
    }
  }
  fail('STORE_IO', `${shown} keeps being replaced; the last cookie changes may not be saved`);
}

/**
 * Journals open in this process, by file: several cores may share a workspace in one process
 * (tests; the app and a CLI run embedded). Their writes are behind the send, so before reading
 * the tail a journal waits for the writes the others have already queued for the same file.
 */
const openJournals = new Map<string, Set<CookieJournal>>();

export class CookieJournal {
  readonly jar = new ProfileJar();
  /** Cookies the journal held that had expired when it was read (the will-send preview names them). */
  readonly expiredOnLoad = new Map<string, SerializedCookie>();
  /** Changes made through this jar since it was opened (to tell whether a send changed cookies). */
  changes = 0;
  private offset = 0;
  private fileId: string | null = null;
  private linesRead = 0;
  private appendedSinceRead = 0;
  private nextCompactCheck: number;
  private readonly slack: number;
  private pending: CookieChange[] = [];
  private readonly pendingKeys = new Set<string>();
  private scheduled = false;
  private writeError: unknown = null;
  private wrote = false;
  private settingAside = false;
  /**
   * This journal's own file I/O (reading the tail, appending, compacting) runs one step at a time
   * on this chain, so the read offset never moves under a read. catchUp() uses only this chain, not
   * the workspace queue: it never waits behind other files' writes (history, other profiles).
   */
  private io: Promise<unknown> = Promise.resolve();
  /** Settles once the last write queued so far has run. */
  private written: Promise<unknown> = Promise.resolve();
  private readonly unsubscribe: () => void;

  private constructor(private readonly opts: JournalOptions) {
    this.slack = opts.compactSlack ?? 1000;
    this.nextCompactCheck = this.slack;
    this.unsubscribe = this.jar.onChange((change) => {
      this.changes++;
      this.pending.push(change);
      this.pendingKeys.add(changeKey(change));
      this.schedule();
    });
    const peers = openJournals.get(opts.file) ?? new Set<CookieJournal>();
    peers.add(this);
    openJournals.set(opts.file, peers);
  }

  static async open(opts: JournalOptions): Promise<CookieJournal> {
    const j = new CookieJournal(opts);
    try {
      await j.exclusive(() => j.readTail());
    } catch (e) {
      j.detach();
      throw e;
    }
    return j;
  }

  get file(): string {
    return this.opts.file;
  }

  /**
   * Picks up what other processes appended since our last read: one stat when nothing changed,
   * else only the new bytes. Does not wait for our own queued writes (changes still pending are
   * kept over what other processes wrote for the same cookie, as they will land after it).
   */
  async catchUp(): Promise<void> {
    const peers = openJournals.get(this.opts.file);
    if (peers && peers.size > 1)
      await Promise.all([...peers].filter((p) => p !== this).map((p) => p.written));
    return this.exclusive(() => this.readTail());
  }

  /** Runs `fn` when no other I/O of this journal is running. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.io.then(fn);
    this.io = result.catch(() => undefined);
    return result;
  }

  /** Waits until every change made so far is on disk, without reporting a failed write. */
  async settled(): Promise<void> {
    await urgently(() => this.opts.queue.run(() => undefined));
  }

  /** Waits until every change made so far is on disk; throws if writing failed. */
  async flush(): Promise<void> {
    await this.settled();
    if (this.writeError) {
      const e = this.writeError;
      this.writeError = null;
      throw e;
    }
  }

  /** Stops listening to the jar (pending changes are still written: call flush() first). */
  detach(): void {
    this.unsubscribe();
    const peers = openJournals.get(this.opts.file);
    peers?.delete(this);
    if (peers?.size === 0) openJournals.delete(this.opts.file);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.written = this.opts.queue
      .run(async () => {
        await gather();
        return this.exclusive(() => this.writePending());
      })
      .catch((e) => {
        this.writeError = e;
      });
  }

  private async writePending(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    this.pendingKeys.clear();
    if (batch.length === 0) return;
    try {
      if (!this.wrote) {
        await this.opts.beforeWrite?.();
        await makeDir(path.dirname(this.opts.file));
        this.wrote = true;
      }
      const text = `${batch.map((c) => JSON.stringify(c)).join('\n')}\n`;
      const shown = shownPath(this.opts.dataDir, this.opts.lockFile);
      // Where we stopped reading is always just after a newline.
      const endsClean = (id: string, size: number) => id === this.fileId && size === this.offset;
      const at = await appendChunk(this.opts.file, this.opts.lockFile, shown, text, endsClean);
      // Nobody else wrote since our last read, nor between our bytes: no need to read them back.
      if (
        at &&
        at.id === this.fileId &&
        at.before === this.offset &&
        at.after === at.before + Buffer.byteLength(text)
      ) {
        this.offset = at.after;
        this.linesRead += batch.length;
      } else this.appendedSinceRead += batch.length;
    } catch (e) {
      throw ioFailure(e, shownPath(this.opts.dataDir, this.opts.file));
    }
    const lines = this.linesRead + this.appendedSinceRead;
    if (lines > this.nextCompactCheck) {
      const live = this.jar.size;
      this.nextCompactCheck = 2 * live + this.slack;
      if (lines > this.nextCompactCheck) await this.compact();
    }
  }

  /** Forgets everything in memory (the file was replaced or removed). */
  private resetMemory(): void {
    for (const c of this.jar.all(0))
      this.jar.apply({ op: 'delete', key: { domain: c.domain ?? '', path: c.path ?? '/', name: c.key } });
    this.offset = 0;
    this.fileId = null;
    this.linesRead = 0;
  }

  private async readTail(): Promise<void> {
    if (this.fileId !== null) {
      // The common case, nothing new: one stat, before every send. Synchronous on purpose: a
      // local stat takes microseconds, less than the thread-pool round trip of an async one.
      let st: Stats | undefined;
      try {
        st = statSync(this.opts.file, { throwIfNoEntry: false });
      } catch {
        st = undefined;
      }
      if (st && fileId(st) === this.fileId && st.size === this.offset) return;
    }
    let fh: fs.FileHandle;
    try {
      fh = await fs.open(this.opts.file, 'r');
    } catch (e) {
      if (!isNotFound(e)) throw e;
      if (this.fileId !== null) this.resetMemory();
      return;
    }
    let text = '';
    let id: string;
    try {
      const st = await fh.stat();
      id = fileId(st);
      if (this.fileId !== null && (id !== this.fileId || st.size < this.offset)) this.resetMemory();
      if (st.size === this.offset) {
        this.fileId = id;
        return;
      }
      const buf = Buffer.alloc(st.size - this.offset);
      const { bytesRead } = await fh.read(buf, 0, buf.length, this.offset);
      const lastNl = buf.subarray(0, bytesRead).lastIndexOf(NEWLINE);
      if (lastNl < 0) {
        this.fileId = id;
        return;
      }
      text = buf.subarray(0, lastNl + 1).toString('utf8');
    } finally {
      await fh.close();
    }
    const lines = text.split('\n');
    lines.pop();
    const changes: CookieChange[] = [];
    let used = 0;
    let count = 0;
    let damaged = false;
    for (; count < lines.length; count++) {
      const raw = lines[count];
      const parsed = raw.trim() === '' ? 'torn' : parseLine(raw);
      if (parsed === null) {
        const next = lines.slice(count + 1).find((l) => l.trim() !== '');
        // A bad line with nothing after it yet may be a write still landing: look again next time.
        if (next === undefined) break;
        // Damaged (a power cut, a disk error, a killed writer's half line): skipped here, and
        // moved to the side file below.
        damaged = true;
      } else if (parsed !== 'torn') changes.push(parsed);
      used += Buffer.byteLength(raw) + 1;
    }
    const now = Date.now();
    for (const c of changes) {
      if (this.pendingKeys.has(changeKey(c))) continue;
      if (expiredAt(c, now) && c.op === 'set') {
        this.jar.apply({ op: 'delete', key: setKey(c.cookie) });
        this.expiredOnLoad.set(changeKey(c), c.cookie);
      } else {
        this.jar.apply(c);
        this.expiredOnLoad.delete(changeKey(c));
      }
    }
    this.offset += used;
    this.fileId = id;
    this.linesRead += count;
    this.appendedSinceRead = 0;
    if (damaged && !this.settingAside) await this.setAsideDamage().catch(() => undefined);
  }

  /**
   * Moves every damaged line of the journal to the side file (`cookies.damaged.jsonl`, one JSON
   * line each: when, which line, its text), keeps every good line in order, and says so in a
   * notice. Holds the compaction lock, so no other process rewrites the journal meanwhile; a
   * line cut short at the very end goes aside too (its writer, if still alive, appends it again
   * because the file was replaced). If this fails (a read-only disk), the damaged lines are only
   * skipped, as before.
   */
  private setAsideDamage(): Promise<void> {
    this.settingAside = true;
    return this.locked(async () => {
      await this.readTail();
      let buf: Buffer;
      try {
        buf = await fs.readFile(this.opts.file);
      } catch (e) {
        if (isNotFound(e)) return;
        throw e;
      }
      const { kept, aside } = splitDamage(buf);
      if (aside.length === 0) return;
      const at = new Date().toISOString();
      const sideText = aside.map((d) => `${JSON.stringify({ at, ...d })}\n`).join('');
      const side = sideFileOf(this.opts.file);
      await appendPrivate(side, sideText);
      await writeFileAtomic(this.opts.file, kept.text);
      const st = await fs.stat(this.opts.file);
      this.offset = st.size;
      this.fileId = fileId(st);
      this.linesRead = kept.lines;
      this.appendedSinceRead = 0;
      const nums = aside.map((d) => d.line);
      const shown = shownPath(this.opts.dataDir, this.opts.file);
      this.opts.notices?.add(
        `${shown} had ${nums.length === 1 ? 'a damaged line' : `${nums.length} damaged lines`} (${nums.join(', ')}); ` +
          `moved to ${path.basename(side)}, every other cookie kept`,
      );
    }).finally(() => {
      this.settingAside = false;
    });
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return withLock(this.opts.lockFile, fn, { shown: shownPath(this.opts.dataDir, this.opts.lockFile) });
  }

  /** Rewrites the journal as the live cookies, holding the lock so nobody appends meanwhile. */
  private compact(): Promise<void> {
    return this.locked(async () => {
      await this.readTail();
      const cookies = this.jar.all();
      const text = cookies.map((c) => `${JSON.stringify(this.jar.lineOf(c))}\n`).join('');
      await writeFileAtomic(this.opts.file, text);
      const st = await fs.stat(this.opts.file);
      this.offset = Buffer.byteLength(text);
      this.fileId = fileId(st);
      this.linesRead = cookies.length;
      this.appendedSinceRead = 0;
      this.nextCompactCheck = 2 * cookies.length + this.slack;
    });
  }
}

/** Writes a fresh journal holding exactly these cookies (for duplicating a profile). */
export async function writeJournal(file: string, cookies: Cookie[]): Promise<void> {
  await writeFileAtomic(
    file,
    cookies.map((c) => `${JSON.stringify({ op: 'set', cookie: c.toJSON() })}\n`).join(''),
  );
}
