import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../main/core/history/store';
import { ProfileStore } from '../../../main/core/profiles/store';
import { layout } from '../../../main/core/store/paths';
import { WriteQueue } from '../../../main/core/store/queue';
import { disposeWriter, tempDir, writerScript } from './helpers';

/**
 * A writer SIGKILLed mid-write, again and again (KILLS, default 20), each time after a different
 * number of cookies: every cookie it reported on disk is there afterwards, no line is lost, and
 * the jar keeps loading. Between kills, some runs also leave a NUL-filled tail (a crash on a
 * filesystem that extends the file before writing its data).
 */

const KILLS = Number(process.env.KILLS ?? 20);
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());
afterAll(() => disposeWriter());

async function killAfter(script: string, prefix: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [script, dir, 'alice', prefix, 'loop'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let reported = -1;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = [...d.toString().matchAll(/wrote (\d+)/g)].pop();
      if (m) reported = Number(m[1]);
      if (reported >= atLeast && child.exitCode === null && !child.killed) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.once('exit', () => resolve());
  });
  await new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r),
  );
  return reported;
}

describe('kills mid-write', () => {
  it(`${KILLS} SIGKILLs of a writer: every cookie it saved survives`, async () => {
    const queue = new WriteQueue();
    const setup = new ProfileStore(dir, queue, new HistoryStore(dir, queue));
    await setup.create('alice');
    await setup.close();
    const script = await writerScript();
    const saved: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      const prefix = `k${k}-`;
      const reported = await killAfter(script, prefix, 1 + ((k * 7) % 13));
      for (let i = 0; i <= reported; i++) saved.push(`${prefix}${i}`);
      if (k % 5 === 4) await fs.appendFile(layout.journal(dir, 'alice'), Buffer.alloc(64));
    }
    const q = new WriteQueue();
    const reader = new ProfileStore(dir, q, new HistoryStore(dir, q));
    const names = new Set((await reader.jar('alice')).jar.list().map((c) => c.name));
    await reader.close();
    const lost = saved.filter((n) => !names.has(n));
    expect(lost).toEqual([]);
    expect(saved.length).toBeGreaterThanOrEqual(KILLS);
  }, 600_000);
});
