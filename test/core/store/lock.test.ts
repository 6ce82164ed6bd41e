import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isLocked, tryLock } from '../../../main/core/store/lock';
import { disposeWriter, runFixture, tempDir } from './helpers';

afterAll(() => disposeWriter());

const run = (args: string[]) => runFixture('locker', args);

/** The pid of a process that has exited: a lock naming it is stale. */
function deadPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('exit', () => resolve(child.pid as number));
  });
}

describe('lock files', () => {
  it('a lock held in this process is held; a lock left by a dead process is broken', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'x.lock');
      const lock = await tryLock(file);
      expect(lock).not.toBeNull();
      expect(await isLocked(file)).toBe(true);
      expect(await tryLock(file)).toBeNull();
      await lock?.release();
      expect(await isLocked(file)).toBe(false);

      await fs.writeFile(file, `${await deadPid()} ${os.hostname()} 2020-01-01T00:00:00.000Z dead\n`);
      expect(await isLocked(file)).toBe(false);
      const taken = await tryLock(file);
      expect(taken).not.toBeNull();
      await taken?.release();
    } finally {
      await cleanup();
    }
  });

  it('a break guard left by a dead breaker does not block the lock forever', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = path.join(dir, 'x.lock');
      const dead = `${await deadPid()} ${os.hostname()} 2020-01-01T00:00:00.000Z dead\n`;
      await fs.writeFile(file, dead);
      await fs.writeFile(`${file}.break`, dead);
      const lock = await tryLock(file);
      expect(lock).not.toBeNull();
      await lock?.release();
      await expect(fs.stat(`${file}.break`)).rejects.toThrow();
    } finally {
      await cleanup();
    }
  });

  it('six processes race to break a stale lock, 20 times: each time one wins and keeps its lock', {
    timeout: 90_000,
  }, async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const rounds = 20;
      const stale = `${await deadPid()} ${os.hostname()} 2020-01-01T00:00:00.000Z dead\n`;
      for (let i = 0; i < rounds; i++) await fs.writeFile(path.join(dir, `race-${i}.lock`), stale);
      // Everyone tries each round at the same moment, well after all of them have started.
      const startAt = Date.now() + 6000;
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () => run([dir, String(startAt), String(rounds), '400'])),
      );
      const results = outputs.flatMap((o) =>
        o
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { round: number; won: boolean; intact: boolean; late: boolean }),
      );
      for (let i = 0; i < rounds; i++) {
        const round = results.filter((r) => r.round === i);
        expect(
          round.filter((r) => r.won),
          `round ${i}`,
        ).toHaveLength(1);
        expect(
          round.every((r) => r.intact),
          `round ${i}`,
        ).toBe(true);
      }
      // The race was real: most rounds had several racers trying at the same moment.
      const contested = Array.from({ length: rounds }, (_, i) =>
        results.filter((r) => r.round === i && !r.late),
      ).filter((onTime) => onTime.length >= 2);
      expect(contested.length).toBeGreaterThanOrEqual(rounds / 2);
      expect((await fs.readdir(dir)).filter((f) => f.endsWith('.lock') || f.endsWith('.break'))).toEqual([]);
    } finally {
      await cleanup();
    }
  });
});
