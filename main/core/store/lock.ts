import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { fail } from '../../shared/errors';

/**
 * An exclusive lock file created with `wx`. It holds `pid host time token`; a lock whose owner
 * died (same host, pid gone), or written by another host and older than `staleMs`, is broken.
 * `tryLock` never waits; `withLock` and `waitUnlocked` do.
 *
 * Breaking a stale lock is itself guarded, so two processes that both judge a lock stale cannot
 * both break it, and neither can delete the fresh lock the other takes next: a breaker first takes
 * `<lock>.break` (created with `wx`), then looks at the lock AGAIN and removes it only if it is
 * still the very file it judged stale (same content, owner still gone). Everyone else sees the
 * lock as held and retries. A `.break` guard left by a breaker that died is itself stale after
 * GUARD_STALE_MS (breaking takes microseconds) or when its owner is gone.
 */
export interface Lock {
  release(): Promise<void>;
}

/** Same host and a known pid: alive while that process is. Otherwise: until it is `staleMs` old. */
function ownerAlive(text: string, staleMs: number, mtimeMs: number): boolean {
  const [pidText, host] = text.trim().split(' ');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0) return Date.now() - mtimeMs <= staleMs;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A guard older than this was left by a breaker that died (breaking takes microseconds). */
const GUARD_STALE_MS = 2000;

async function create(file: string): Promise<Lock | null> {
  const text = `${process.pid} ${os.hostname()} ${new Date().toISOString()} ${randomBytes(6).toString('hex')}\n`;
  try {
    await fs.writeFile(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw e;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await fs.unlink(file).catch(() => undefined);
    },
  };
}

/** The lock file's content and age, or null when there is none. */
async function look(file: string): Promise<{ text: string; mtimeMs: number } | null> {
  try {
    const st = await fs.stat(file);
    return { text: await fs.readFile(file, 'utf8'), mtimeMs: st.mtimeMs };
  } catch {
    return null; // not there, or released meanwhile
  }
}

/**
 * Removes `file` if it is still exactly the stale lock `judged`, holding the `.break` guard so
 * that no other process breaks (or re-creates and loses) it at the same time.
 */
async function breakStale(file: string, judged: string, staleMs: number): Promise<void> {
  const guardFile = `${file}.break`;
  let guard = await create(guardFile);
  if (!guard) {
    const other = await look(guardFile);
    if (other && ownerAlive(other.text, GUARD_STALE_MS, other.mtimeMs)) return; // someone is breaking it now
    if (other) await fs.unlink(guardFile).catch(() => undefined); // its breaker died
    guard = await create(guardFile);
    if (!guard) return;
  }
  try {
    const again = await look(file);
    if (again && again.text === judged && !ownerAlive(again.text, staleMs, again.mtimeMs))
      await fs.unlink(file).catch(() => undefined);
  } finally {
    await guard.release();
  }
}

/**
 * True when the lock is held: by someone alive, or while another process is breaking it. A stale
 * lock is broken on the way (see breakStale). Takes no lock.
 */
export async function isLocked(file: string, staleMs = 5000): Promise<boolean> {
  const seen = await look(file);
  if (!seen) return false;
  if (ownerAlive(seen.text, staleMs, seen.mtimeMs)) return true;
  await breakStale(file, seen.text, staleMs);
  return (await look(file)) !== null;
}

/** Takes the lock, or returns null when someone alive holds it. */
export async function tryLock(file: string, staleMs = 5000): Promise<Lock | null> {
  const lock = await create(file);
  if (lock) return lock;
  if (await isLocked(file, staleMs)) return null;
  return create(file);
}

/** Waits (growing pauses) until nobody alive holds the lock; STORE_IO after `timeoutMs`. */
export async function waitUnlocked(file: string, shown: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pause = 1;
  while (await isLocked(file)) {
    if (Date.now() > deadline) fail('STORE_IO', heldMessage(shown));
    await sleep(pause);
    pause = Math.min(pause * 2, 25);
  }
}

function heldMessage(shown: string): string {
  return `${shown} is held by another process; try again, or delete it if none is running`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding the lock, waiting for it (briefly, growing pauses) while someone alive holds
 * it. Fails with STORE_IO after `timeoutMs`.
 */
export async function withLock<T>(
  file: string,
  fn: () => Promise<T>,
  opts: { staleMs?: number; timeoutMs?: number; shown?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  let pause = 1;
  let lock = await tryLock(file, opts.staleMs);
  while (!lock) {
    if (Date.now() > deadline)
      fail(
        'STORE_IO',
        `${opts.shown ?? file} is held by another process; try again, or delete it if none is running`,
      );
    await sleep(pause);
    pause = Math.min(pause * 2, 25);
    lock = await tryLock(file, opts.staleMs);
  }
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
