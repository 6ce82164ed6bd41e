import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../main/core/history/store';
import { ProfileStore } from '../../../main/core/profiles/store';
import { Notices } from '../../../main/core/store/notices';
import { layout } from '../../../main/core/store/paths';
import { WriteQueue } from '../../../main/core/store/queue';
import { disposeWriter, runWriter, tempDir } from './helpers';

/**
 * One damaged journal line never loses the jar: it goes to cookies.damaged.jsonl with its line
 * number, every good line is kept, and the next append starts on a fresh line.
 */

let dir: string;
let cleanup: () => Promise<void>;
const opened: ProfileStore[] = [];

function openStore(notices = new Notices()): ProfileStore {
  const queue = new WriteQueue();
  const store = new ProfileStore(dir, queue, new HistoryStore(dir, queue), undefined, notices);
  opened.push(store);
  return store;
}

const set = (name: string) =>
  `${JSON.stringify({ op: 'set', cookie: { key: name, value: 'v', domain: 'example.test', path: '/', hostOnly: true, pathIsDefault: true, creation: new Date().toISOString() } })}\n`;

async function names(store = openStore()): Promise<string[]> {
  return (await store.jar('alice')).jar
    .list()
    .map((c) => c.name)
    .sort();
}

async function sideLines(): Promise<Array<Record<string, unknown>>> {
  const text = await fs.readFile(path.join(layout.profileDir(dir, 'alice'), 'cookies.damaged.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

const journal = () => layout.journal(dir, 'alice');

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  await fs.mkdir(layout.profileDir(dir, 'alice'), { recursive: true });
  await fs.writeFile(layout.profileFile(dir, 'alice'), '{}\n');
});
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  await cleanup();
});
afterAll(() => disposeWriter());

describe('a damaged journal line', () => {
  it('at the end, after its newline (a power cut): read past, then set aside when another process appends after it', async () => {
    await fs.writeFile(journal(), `${set('a')}${set('b')}{"op":"set","cookie":{"ke\n`);
    expect(await names()).toEqual(['a', 'b']);
    // The next writer is another process: it appends after the damage.
    await runWriter([dir, 'alice', 'w', 'hammer', '10']);
    // (The writer, which read past the damage while catching up, set it aside and told its user.)
    const after = await names();
    expect(after).toEqual(['a', 'b', ...Array.from({ length: 10 }, (_, i) => `w${i}`), 'wchurn'].sort());
    expect(await sideLines()).toEqual([
      expect.objectContaining({ line: 3, text: '{"op":"set","cookie":{"ke' }),
    ]);
    // The journal itself holds only good lines now.
    const text = await fs.readFile(journal(), 'utf8');
    expect(text).not.toContain('"ke\n');
    for (const line of text.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
  });

  it('in the middle: every good line before and after it is kept', async () => {
    await fs.writeFile(journal(), `${set('a')}not json at all\n${set('b')}garbage}\n${set('c')}`);
    expect(await names()).toEqual(['a', 'b', 'c']);
    expect((await sideLines()).map((l) => [l.line, l.text])).toEqual([
      [2, 'not json at all'],
      [4, 'garbage}'],
    ]);
    expect(await names()).toEqual(['a', 'b', 'c']);
  });

  it('as a NUL-filled tail (no newline): kept aside, and the next append starts on a fresh line', async () => {
    await fs.writeFile(journal(), Buffer.concat([Buffer.from(`${set('a')}${set('b')}`), Buffer.alloc(300)]));
    const store = openStore();
    const j = await store.jar('alice');
    expect(j.jar.list().map((c) => c.name)).toEqual(['a', 'b']);
    j.jar.set({ name: 'c', value: 'v', domain: 'example.test' });
    await j.flush();
    const notices = new Notices();
    expect(await names(openStore(notices))).toEqual(['a', 'b', 'c']);
    const side = await sideLines();
    expect(side).toHaveLength(1);
    expect(side[0]).toMatchObject({ line: 3, text: '\u0000'.repeat(300) });
    expect(notices.all()).toEqual([
      'profiles/alice/cookies.jsonl had a damaged line (3); moved to cookies.damaged.jsonl, every other cookie kept',
    ]);
  });

  it('as a NUL-filled tail ending in a newline, with another process appending after it', async () => {
    await fs.writeFile(
      journal(),
      Buffer.concat([Buffer.from(set('a')), Buffer.alloc(64), Buffer.from('\n'), Buffer.from(set('b'))]),
    );
    await runWriter([dir, 'alice', 'w', 'hammer', '3']);
    expect(await names()).toEqual(['a', 'b', 'w0', 'w1', 'w2', 'wchurn']);
    expect((await sideLines()).map((l) => l.line)).toEqual([2]);
  });

  it('invalid UTF-8 is kept byte for byte (base64)', async () => {
    const bad = Buffer.from([0xff, 0xfe, 0x7b, 0x80]);
    await fs.writeFile(
      journal(),
      Buffer.concat([Buffer.from(set('a')), bad, Buffer.from('\n'), Buffer.from(set('b'))]),
    );
    expect(await names()).toEqual(['a', 'b']);
    const [line] = await sideLines();
    expect(Buffer.from(String(line.base64), 'base64').equals(bad)).toBe(true);
  });

  it('a whole journal of random bytes: nothing is reset silently, the bytes are kept aside and named', async () => {
    const junk = Buffer.from('\x00\x01garbage\nmore{{{\n\xff\n', 'latin1');
    await fs.writeFile(journal(), junk);
    const notices = new Notices();
    expect(await names(openStore(notices))).toEqual([]);
    expect((await sideLines()).map((l) => l.line)).toEqual([1, 2, 3]);
    expect(notices.all()[0]).toMatch(/^profiles\/alice\/cookies\.jsonl had 3 damaged lines \(1, 2, 3\)/);
  });
});
