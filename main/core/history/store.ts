import fs from 'node:fs/promises';
import { fail } from '../../shared/errors';
import type { HistoryEntry } from '../../shared/types';
import { checkProfileName, isValidProfileName } from '../profiles/names';
import { appendPrivate, isNotFound, quarantine, writeFileAtomic } from '../store/files';
import { layout } from '../store/paths';
import { gather, urgently, type WriteQueue } from '../store/queue';
import { listed } from './keep';
import { redactForHistory } from './redact';

/**
 * History per profile: `history/<profile>.jsonl`, one HistoryEntry per line, newest last,
 * capped at HISTORY_CAP entries (trimmed atomically once it runs HISTORY_SLACK over).
 */

export const HISTORY_CAP = 500;
const HISTORY_SLACK = 50;

/** Splits a history file into entries. A cut-off last line is ignored; returns the first bad line otherwise. */
export function parseHistory(text: string): { entries: HistoryEntry[]; badLine: number | null } {
  const lines = text.split('\n');
  // The last piece is '' after a final newline, or a line cut short by a killed writer.
  const complete = lines.slice(0, -1);
  const entries: HistoryEntry[] = [];
  for (let i = 0; i < complete.length; i++) {
    const line = complete[i];
    if (!line.trim()) continue;
    let e: HistoryEntry | null = null;
    try {
      e = JSON.parse(line) as HistoryEntry;
    } catch {
      e = null;
    }
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || typeof e.at !== 'string')
      return { entries, badLine: i + 1 };
    entries.push(e);
  }
  return { entries, badLine: null };
}

/** Newest first; entries of the same instant keep their file order reversed. */
export function newestFirst(lists: HistoryEntry[][]): HistoryEntry[] {
  const all = lists.flatMap((l) => [...l].reverse());
  return all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Lines in a file, without judging them (a damaged file is reported by whoever reads it). */
async function countLines(file: string): Promise<number> {
  try {
    const buf = await fs.readFile(file);
    let n = 0;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
    return n;
  } catch (e) {
    if (isNotFound(e)) return 0;
    throw e;
  }
}

export class HistoryStore {
  private readonly counts = new Map<string, number>();
  /** Lines appended but not yet written, per profile, in order. */
  private readonly pending = new Map<string, string[]>();
  /** The queued write that will take lines appended now (null once it has started). */
  private scheduled: Promise<void> | null = null;
  /** Settles after the last queued write. */
  private lastWrite: Promise<void> = Promise.resolve();
  private writeError: unknown = null;
  /** What to redact for a profile: its secret values, or null to keep everything (see redact.ts). */
  private redaction: ((profile: string) => Promise<string[] | null>) | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {}

  private async readProfile(name: string): Promise<HistoryEntry[]> {
    const file = layout.history(this.dataDir, name);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const { entries, badLine } = parseHistory(text);
    if (badLine !== null) {
      this.counts.delete(name);
      await quarantine(this.dataDir, file, `has a damaged line (${badLine})`);
    }
    this.counts.set(name, entries.length);
    return entries.map((e) => ({ ...e, profile: name }));
  }

  private async profilesWithHistory(): Promise<string[]> {
    try {
      const files = await fs.readdir(layout.historyDir(this.dataDir));
      return files
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => f.slice(0, -'.jsonl'.length))
        .filter(isValidProfileName);
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
  }

  /**
   * Records an entry. The line is written behind (through the write queue; appends made before
   * the queue gets to them go out as one write per profile); `list()` and `flush()` wait for it.
   */
  append(entry: HistoryEntry): Promise<void> {
    const name = checkProfileName(entry.profile);
    const lines = this.pending.get(name);
    const line = `${JSON.stringify(entry)}\n`;
    if (lines) lines.push(line);
    else this.pending.set(name, [line]);
    if (!this.scheduled) {
      const writing = this.queue.run(async () => {
        await gather();
        return this.writePending();
      });
      this.scheduled = writing;
      this.lastWrite = writing.catch((e) => {
        this.writeError ??= e;
      });
    }
    return this.scheduled;
  }

  /** Waits until every entry appended so far is on disk; throws (once) if writing one failed. */
  async flush(): Promise<void> {
    await urgently(() => this.lastWrite);
    const e = this.writeError;
    this.writeError = null;
    if (e) throw e;
  }

  private async writePending(): Promise<void> {
    this.scheduled = null;
    const batch = [...this.pending];
    this.pending.clear();
    let first: unknown = null;
    for (const [name, lines] of batch) {
      try {
        await this.writeLines(name, lines);
      } catch (e) {
        first ??= e;
      }
    }
    if (first) throw first;
  }

  /**
   * Sets how entries are redacted before they are written (the workspace wires settings'
   * `keepFullHistory` and the profile's secret variables). Redaction runs in the write queue,
   * behind the send.
   */
  setRedaction(redaction: (profile: string) => Promise<string[] | null>): void {
    this.redaction = redaction;
  }

  private async redacted(name: string, lines: string[]): Promise<string[]> {
    if (!this.redaction) return lines;
    const secrets = await this.redaction(name);
    if (secrets === null) return lines;
    return lines.map((l) => `${JSON.stringify(redactForHistory(JSON.parse(l), secrets))}\n`);
  }

  private async writeLines(name: string, plain: string[]): Promise<void> {
    const file = layout.history(this.dataDir, name);
    const lines = await this.redacted(name, plain);
    if (!this.counts.has(name)) this.counts.set(name, await countLines(file));
    const text = lines.join('');
    await appendPrivate(file, text);
    const count = (this.counts.get(name) ?? 0) + lines.length;
    this.counts.set(name, count);
    if (count > HISTORY_CAP + HISTORY_SLACK) {
      const kept = (await this.readProfile(name)).slice(-HISTORY_CAP);
      await writeFileAtomic(file, kept.map((e) => `${JSON.stringify(e)}\n`).join(''));
      this.counts.set(name, kept.length);
    }
  }

  async list(opts: { profile?: string; limit?: number }): Promise<HistoryEntry[]> {
    await urgently(() => this.lastWrite);
    const names = opts.profile ? [checkProfileName(opts.profile)] : await this.profilesWithHistory();
    const lists = await Promise.all(names.map((n) => this.readProfile(n)));
    const all = newestFirst(lists);
    return (opts.limit ? all.slice(0, opts.limit) : all).map(listed);
  }

  /** One entry with its kept response (`list` leaves responses out). */
  async get(profile: string, id: string): Promise<HistoryEntry> {
    await urgently(() => this.lastWrite);
    const found = (await this.readProfile(checkProfileName(profile))).find((e) => e.id === id);
    if (!found) fail('NOT_FOUND', `No history entry ${id} for ${profile}`);
    return found;
  }

  clear(profile?: string): Promise<{ removed: number }> {
    return this.queue.run(async () => {
      const names = profile ? [checkProfileName(profile)] : await this.profilesWithHistory();
      let removed = 0;
      for (const name of names) {
        removed += (await this.readProfile(name).catch(() => [])).length;
        await this.removeProfile(name);
      }
      return { removed };
    });
  }

  /** Moves a profile's history (runs inside the queue). */
  async moveProfile(from: string, to: string): Promise<void> {
    this.counts.delete(from);
    this.counts.delete(to);
    // Lines appended but not yet written go to the new file too (their write is queued after this).
    const pending = this.pending.get(from);
    if (pending) {
      this.pending.delete(from);
      this.pending.set(to, [...(this.pending.get(to) ?? []), ...pending]);
    }
    try {
      await fs.rename(layout.history(this.dataDir, from), layout.history(this.dataDir, to));
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** Deletes a profile's history (runs inside the queue). */
  async removeProfile(name: string): Promise<void> {
    this.counts.delete(name);
    await fs.rm(layout.history(this.dataDir, name), { force: true });
  }
}
