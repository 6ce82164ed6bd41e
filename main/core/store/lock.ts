import fs from 'node:fs/promises';
import os from 'node:os';
import { fail } from '../../shared/errors';

/**
 * An exclusive lock file created with `wx`. It holds `pid host time`; a lock whose owner died
 * (same host, pid gone), or written by another host and older than `staleMs`, is broken.
 * `tryLock` never waits; `withLock` and `waitUnlocked` do.
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

async function create(file: string): Promise<Lock | null> {
  try {
    await fs.writeFile(file, `${process.pid} ${os.hostname()} ${new Date().toISOString()}\n`, { flag: 'wx' });
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

/** True when someone alive holds the lock; a stale lock is removed on the way. Takes no lock. */
export async function isLocked(file: string, staleMs = 5000): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    const text = await fs.readFile(file, 'utf8');
    if (ownerAlive(text, staleMs, st.mtimeMs)) return true;
    await fs.unlink(file);
  } catch {
    /* not there, or released meanwhile */
  }
  return false;
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
