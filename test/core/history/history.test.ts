import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_CAP, HistoryStore, newestFirst, parseHistory } from '../../../main/core/history/store';
import { layout } from '../../../main/core/store/paths';
import { WriteQueue } from '../../../main/core/store/queue';
import type { HistoryEntry } from '../../../main/shared/types';
import { lineCount, tempDir } from '../store/helpers';

function entry(profile: string, n: number): HistoryEntry {
  return {
    id: `${profile}-${n}`,
    profile,
    method: 'GET',
    url: `http://localhost/${n}`,
    status: 200,
    error: null,
    durationMs: 1,
    size: 0,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    request: { method: 'GET', url: `http://localhost/${n}`, headers: [], body: { type: 'none' } },
  };
}

describe('history files', () => {
  it('ignores a line cut short at the end, and points at a damaged one in the middle', () => {
    const good = JSON.stringify(entry('a', 1));
    expect(parseHistory(`${good}\n{"id":"half`)).toEqual({ entries: [entry('a', 1)], badLine: null });
    expect(parseHistory(`${good}\nnope\n${good}\n`).badLine).toBe(2);
  });

  it('merges profiles newest first', () => {
    const merged = newestFirst([
      [entry('a', 1), entry('a', 3)],
      [entry('b', 2), entry('b', 4)],
    ]);
    expect(merged.map((e) => e.id)).toEqual(['b-4', 'a-3', 'b-2', 'a-1']);
  });

  describe('on disk', () => {
    let dir: string;
    let cleanup: () => Promise<void>;
    beforeEach(async () => {
      ({ dir, cleanup } = await tempDir());
    });
    afterEach(() => cleanup());

    it(`keeps the newest ${HISTORY_CAP} entries of a busy profile`, async () => {
      const history = new HistoryStore(dir, new WriteQueue());
      for (let i = 0; i < HISTORY_CAP + 60; i++) await history.append(entry('alice', i));
      expect(await lineCount(layout.history(dir, 'alice'))).toBeLessThanOrEqual(HISTORY_CAP + 50);
      const list = await history.list({ profile: 'alice' });
      expect(list[0].id).toBe(`alice-${HISTORY_CAP + 59}`);
      expect(list.length).toBeGreaterThanOrEqual(HISTORY_CAP);
      expect(await history.list({ limit: 3 })).toHaveLength(3);
      expect(await history.clear('alice')).toEqual({ removed: list.length });
      await expect(fs.stat(layout.history(dir, 'alice'))).rejects.toThrow();
    });
  });
});
