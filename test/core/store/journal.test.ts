import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../main/core/history/store';
import { ProfileStore } from '../../../main/core/profiles/store';
import { layout } from '../../../main/core/store/paths';
import { WriteQueue } from '../../../main/core/store/queue';
import { disposeWriter, lineCount, runWriter, tempDir, writerScript } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const opened: ProfileStore[] = [];

function openStore(slack?: number): ProfileStore {
  const queue = new WriteQueue();
  const store = new ProfileStore(dir, queue, new HistoryStore(dir, queue), slack);
  opened.push(store);
  return store;
}

const cookie = (name: string, value = 'v') => ({ name, value, domain: 'example.test' });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await cleanup();
});
afterAll(() => disposeWriter());

describe('the cookie journal', () => {
  it('keeps alice’s cookies across restarts, replaying sets and deletes', async () => {
    const store = openStore();
    await store.create('alice');
    const { jar } = await store.jar('alice');
    jar.set(cookie('session', 'abc'));
    jar.set(cookie('theme', 'dark'));
    jar.set(cookie('session', 'def'));
    jar.delete({ domain: 'example.test', path: '/', name: 'theme' });
    jar.set({ ...cookie('old'), expires: new Date(Date.now() - 60_000).toISOString() });
    await store.close();

    const again = await openStore().jar('alice');
    expect(again.jar.list().map((c) => `${c.name}=${c.value}`)).toEqual(['session=def']);
  });

  it('writes the changes of one tick as one append, without rewriting a 10k-cookie jar', async () => {
    const store = openStore();
    await store.create('alice');
    const journal = await store.jar('alice');
    for (let i = 0; i < 10_000; i++) journal.jar.set(cookie(`c${i}`, String(i)));
    await journal.flush();
    const file = layout.journal(dir, 'alice');
    const before = await fs.stat(file);
    expect(await lineCount(file)).toBe(10_000);

    // What the engine does with a response carrying one Set-Cookie:
    journal.jar.storeSetCookie('fresh=1; Path=/', 'http://example.test/login');
    await journal.flush();
    expect(await lineCount(file)).toBe(10_001);
    const after = await fs.stat(file);
    expect(after.ino).toBe(before.ino); // appended, not replaced
    expect(after.size - before.size).toBeLessThan(1000);
  });

  it('picks up cookies another process appended since the last read', async () => {
    const store = openStore();
    await store.create('alice');
    const journal = await store.jar('alice');
    journal.jar.set(cookie('mine'));
    await journal.flush();

    await runWriter([dir, 'alice', 'cli', 'hammer', '5']);

    const names = (await store.jar('alice')).jar.list().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['mine', 'cli0', 'cli4', 'clichurn']));
  });

  it('loses nothing when three processes hammer the same profile while compacting', async () => {
    const store = openStore();
    await store.create('alice');
    const slack = '40';
    await Promise.all(['a', 'b', 'c'].map((p) => runWriter([dir, 'alice', p, 'hammer', '300', slack])));
    const { jar } = await openStore().jar('alice');
    const names = new Set(jar.list().map((c) => c.name));
    for (let i = 0; i < 300; i++) {
      expect(names.has(`a${i}`), `a${i}`).toBe(true);
      expect(names.has(`b${i}`), `b${i}`).toBe(true);
      expect(names.has(`c${i}`), `c${i}`).toBe(true);
    }
    // Each process's own changes keep their order: its last write of a cookie wins.
    for (const p of ['a', 'b', 'c'])
      expect(jar.list().find((c) => c.name === `${p}churn`)?.value).toBe('299');
    // Compaction did happen: far fewer lines than the 3600 changes written.
    expect(await lineCount(layout.journal(dir, 'alice'))).toBeLessThan(3000);
  });

  it('a writer killed mid-loop leaves a store that loads, and the next write repairs a torn line', async () => {
    const store = openStore();
    await store.create('alice');
    const script = await writerScript();
    const child = spawn(process.execPath, [script, dir, 'alice', 'k', 'loop'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let reported = -1;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        const m = [...d.toString().matchAll(/wrote (\d+)/g)].pop();
        if (m) reported = Number(m[1]);
        if (reported >= 150 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    // And a line cut in half, as if the kill had landed inside a write.
    await fs.appendFile(layout.journal(dir, 'alice'), '{"op":"set","cookie":{"key":"half');

    const second = openStore();
    const journal = await second.jar('alice');
    const names = new Set(journal.jar.list().map((c) => c.name));
    for (let i = 0; i <= reported; i++) expect(names.has(`k${i}`), `k${i}`).toBe(true);

    journal.jar.set(cookie('after-crash'));
    await second.close();
    const third = await openStore().jar('alice');
    expect(third.jar.list().map((c) => c.name)).toContain('after-crash');
    expect(third.jar.list().map((c) => c.name)).toContain('k0');
  });

  it('a bad last line is waited on (it may be a write still landing), and set aside once lines follow it', async () => {
    const store = openStore();
    await store.create('alice');
    const journal = await store.jar('alice');
    journal.jar.set(cookie('one'));
    journal.jar.set(cookie('two'));
    await journal.flush();
    const file = layout.journal(dir, 'alice');
    await fs.appendFile(file, '{"op":"set","cookie":{"key":"tw\n');
    await journal.catchUp();
    expect(journal.jar.list().map((c) => c.name)).toEqual(['one', 'two']);
    await fs.appendFile(
      file,
      `${JSON.stringify({ op: 'delete', key: { domain: 'example.test', path: '/', name: 'one' } })}\n`,
    );
    await journal.catchUp();
    expect(journal.jar.list().map((c) => c.name)).toEqual(['two']);
    const side = await fs.readFile(`${layout.profileDir(dir, 'alice')}/cookies.damaged.jsonl`, 'utf8');
    expect(JSON.parse(side)).toMatchObject({ line: 3, text: '{"op":"set","cookie":{"key":"tw' });
  });
});
