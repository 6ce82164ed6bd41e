import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CollectionStore } from '../../../main/core/collections/store';
import { HistoryStore } from '../../../main/core/history/store';
import { ProfileStore } from '../../../main/core/profiles/store';
import { SettingsStore } from '../../../main/core/settings/store';
import { Notices } from '../../../main/core/store/notices';
import { layout } from '../../../main/core/store/paths';
import { WriteQueue } from '../../../main/core/store/queue';
import type { TandemFailure } from '../../../main/shared/errors';
import { tempDir } from '../store/helpers';
import { expectOneLine, RUNS } from './fuzz';

/**
 * Every workspace file, fuzzed with random bytes (and near-valid content): what cannot be read
 * is reported by name in one line and kept aside byte for byte; what can be read is read; no file
 * is ever silently reset. A journal keeps every good line and sets the damaged ones aside.
 */

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  // On a RAM disk when there is one: 50,000 real file round trips, without wearing the disk.
  if (existsSync('/dev/shm')) {
    dir = await fs.mkdtemp('/dev/shm/tandem-fuzz-');
    cleanup = () => fs.rm(dir, { recursive: true, force: true });
  } else ({ dir, cleanup } = await tempDir());
  await fs.mkdir(layout.profileDir(dir, 'alice'), { recursive: true });
  await fs.mkdir(layout.historyDir(dir), { recursive: true });
  await fs.mkdir(layout.collectionsDir(dir), { recursive: true });
});
afterAll(() => cleanup());

/** Valid content of each file, to mutate. */
const VALID = {
  profile: '{"color":"#7c5cff","variables":{"base":"http://x"},"headers":[],"cookieStore":true}\n',
  settings: '{"theme":"dark","timeoutMs":5000}\n',
  collection: JSON.stringify({
    id: 'c1',
    name: 'Shop',
    folders: [],
    requests: [
      {
        id: 'r',
        name: 'R',
        folder: '',
        request: { method: 'GET', url: 'http://x/', headers: [], body: { type: 'none' } },
      },
    ],
  }),
  history: `${JSON.stringify({ id: 'h1', profile: 'alice', method: 'GET', url: 'http://x/', status: 200, error: null, durationMs: 1, size: 2, at: '2026-01-01T00:00:00.000Z', request: { method: 'GET', url: 'http://x/', headers: [], body: { type: 'none' } } })}\n`,
  journal: `${JSON.stringify({ op: 'set', cookie: { key: 'a', value: '1', domain: 'x.test', path: '/', hostOnly: true, creation: '2026-01-01T00:00:00.000Z' } })}\n${JSON.stringify({ op: 'set', cookie: { key: 'b', value: '2', domain: 'x.test', path: '/', hostOnly: true, creation: '2026-01-01T00:00:00.000Z' } })}\n`,
};

/** Random bytes, valid content with bytes changed, cut short, or with garbage lines mixed in. */
function bytesFor(valid: string): fc.Arbitrary<Buffer> {
  const base = Buffer.from(valid);
  return fc.oneof(
    fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)),
    fc.json({ maxDepth: 2 }).map((t) => Buffer.from(t)),
    fc
      .tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 }))
      .map(([i, b]) => Buffer.from(base).fill(b, i, i + 1)),
    fc.nat(base.length).map((n) => base.subarray(0, n)),
    fc
      .array(fc.oneof(fc.constant(valid), fc.string({ maxLength: 12 }), fc.constant('\u0000\u0000\u0000')), {
        maxLength: 4,
      })
      .map((parts) => Buffer.from(parts.join('\n'))),
  );
}

/** The file moved aside as `<name>.corrupt-…`, removed after checking it holds `bytes`. */
function takeAside(folder: string, name: string, bytes: Buffer): boolean {
  const aside = readdirSync(folder).filter((f) => f.startsWith(`${name}.corrupt-`));
  if (aside.length === 0) return false;
  expect(aside).toHaveLength(1);
  expect(readFileSync(path.join(folder, aside[0])).equals(bytes)).toBe(true);
  rmSync(path.join(folder, aside[0]));
  return true;
}

/** Reading either works (and leaves the file as it was) or fails by name with the file kept aside. */
async function readOrReported(file: string, bytes: Buffer, read: () => Promise<unknown>): Promise<void> {
  writeFileSync(file, bytes);
  const shown = path.relative(dir, file);
  try {
    await read();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  } catch (e) {
    expectOneLine(e, ['STORE_CORRUPT']);
    expect((e as TandemFailure).message.startsWith(shown)).toBe(true);
    expect(takeAside(path.dirname(file), path.basename(file), bytes)).toBe(true);
  }
}

describe('fuzz: every workspace file', () => {
  it(`profile.json: ${RUNS} random contents`, async () => {
    const file = layout.profileFile(dir, 'alice');
    await fc.assert(
      fc.asyncProperty(bytesFor(VALID.profile), async (bytes) => {
        const q = new WriteQueue();
        const store = new ProfileStore(dir, q, new HistoryStore(dir, q), undefined, new Notices());
        await readOrReported(file, bytes, () => store.get('alice'));
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`settings.json: ${RUNS} random contents`, async () => {
    await fc.assert(
      fc.asyncProperty(bytesFor(VALID.settings), async (bytes) => {
        await readOrReported(layout.settings(dir), bytes, () =>
          new SettingsStore(dir, new WriteQueue()).get(),
        );
      }),
      { numRuns: RUNS },
    );
    rmSync(layout.settings(dir), { force: true });
  }, 300_000);

  it(`collections/<id>.json: ${RUNS} random contents; the other collections stay listed`, async () => {
    writeFileSync(
      layout.collection(dir, 'other'),
      JSON.stringify({ id: 'other', name: 'Other', folders: [], requests: [] }),
    );
    const file = layout.collection(dir, 'c1');
    await fc.assert(
      fc.asyncProperty(bytesFor(VALID.collection), async (bytes) => {
        writeFileSync(file, bytes);
        const notices = new Notices();
        const list = await new CollectionStore(dir, new WriteQueue(), undefined, notices).list();
        expect(list.map((c) => c.name)).toContain('Other');
        if (list.length === 2) expect(readFileSync(file).equals(bytes)).toBe(true);
        else {
          expect(notices.all()).toHaveLength(1);
          expect(notices.all()[0].startsWith('collections/c1.json ')).toBe(true);
          expect(takeAside(path.dirname(file), 'c1.json', bytes)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`history/<profile>.jsonl: ${RUNS} random contents`, async () => {
    const file = layout.history(dir, 'alice');
    await fc.assert(
      fc.asyncProperty(bytesFor(VALID.history), async (bytes) => {
        await readOrReported(file, bytes, () =>
          new HistoryStore(dir, new WriteQueue()).list({ profile: 'alice' }),
        );
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it(`profiles/<name>/cookies.jsonl: ${RUNS} random contents; every line is kept or set aside`, async () => {
    const file = layout.journal(dir, 'alice');
    const side = path.join(layout.profileDir(dir, 'alice'), 'cookies.damaged.jsonl');
    writeFileSync(layout.profileFile(dir, 'alice'), '{}\n');
    await fc.assert(
      fc.asyncProperty(bytesFor(VALID.journal), async (bytes) => {
        writeFileSync(file, bytes);
        rmSync(side, { force: true });
        const q = new WriteQueue();
        const store = new ProfileStore(dir, q, new HistoryStore(dir, q), undefined, new Notices());
        const journal = await store.jar('alice');
        journal.jar.list();
        await store.close();
        const now = readFileSync(file);
        const kept = new Set(now.toString('utf8').split('\n'));
        const aside = new Set<string>();
        try {
          for (const l of readFileSync(side, 'utf8').split('\n').filter(Boolean)) {
            const d = JSON.parse(l) as { text?: string; base64?: string };
            aside.add(d.text ?? Buffer.from(String(d.base64), 'base64').toString('latin1'));
          }
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        }
        // Every line of what was there is still in the journal, or in the side file.
        let start = 0;
        while (start < bytes.length) {
          const nl = bytes.indexOf(10, start);
          const end = nl < 0 ? bytes.length : nl;
          const raw = bytes.subarray(start, end);
          start = end + 1;
          const text = raw.toString('utf8');
          if (text.trim() === '' || text === '{"op":"torn"}') continue;
          const found =
            kept.has(text) || aside.has(text) || aside.has(raw.toString('latin1')) || now.includes(raw);
          expect(found, `line ${JSON.stringify(text)} lost`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  }, 300_000);
});
