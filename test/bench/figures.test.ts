import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brunoCollection, postmanCollection, tandemCollection } from '../../bench/collection';
import { type BenchReport, summarize } from '../../bench/index';
import { findOnPath } from '../../bench/proc';

// The pure parts of the figures: the collections every contender runs, finding a contender on
// PATH, and the goal ratios gathered at the top of the JSON line. No timing is asserted.

describe('the same requests for every collection runner', () => {
  it('gives Bruno one .bru file per request, in order, with the same URLs as Tandem and newman', () => {
    const base = 'http://127.0.0.1:9';
    const files = brunoCollection(base, 3);
    expect(JSON.parse(files['bruno.json'] as string)).toMatchObject({ type: 'collection' });
    const bru = Object.keys(files).filter((f) => f.endsWith('.bru'));
    expect(bru).toEqual(['request-00001.bru', 'request-00002.bru', 'request-00003.bru']);
    const urls = bru.map((f) => /^\s*url: (.+)$/m.exec(files[f] as string)?.[1]);
    expect(urls).toEqual(tandemCollection(base, 3).requests.map((r) => r.request.url));
    const pm = postmanCollection(base, 3) as { item: Array<{ request: { url: string } }> };
    expect(urls).toEqual(pm.item.map((i) => i.request.url));
    expect(files['request-00002.bru']).toMatch(
      /^meta \{\n {2}name: request 2\n {2}type: http\n {2}seq: 2\n\}/,
    );
    expect(files['request-00002.bru']).toMatch(/\nget \{\n/);
  });
});

describe('finding a contender', () => {
  it('finds an executable file on the search path, and says null when there is none', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-path-'));
    try {
      const tool = path.join(dir, 'tool');
      await writeFile(tool, '#!/bin/sh\n');
      await writeFile(path.join(dir, 'plain'), 'not executable');
      await chmod(tool, 0o755);
      const search = ['/nonexistent-dir', dir].join(path.delimiter);
      expect(findOnPath('tool', search)).toBe(tool);
      expect(findOnPath('plain', search)).toBeNull();
      expect(findOnPath('missing', search)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the goal ratios on the JSON line', () => {
  const skipped = { measured: false as const, reason: 'skipped (--only)' };

  it('are null when their figure did not run', () => {
    const s = summarize({ cold_start: skipped, engine: skipped, collection: skipped, ui: skipped });
    expect(Object.values(s).every((v) => v === null)).toBe(true);
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'send_cold_vs_httpie_ratio',
        'version_vs_node_ratio',
        'newman_vs_tandem_ratio',
        'bru_vs_tandem_ratio',
        'run_vs_engine_per_request_ratio',
        'tandem_run_peak_rss_mb',
        'ui_big_shown_ms',
        'ui_longest_block_ms',
      ]),
    );
  });

  it('put a request inside a run against the engine loop: the run time per request over the engine median', () => {
    const collection = {
      measured: true,
      requests: 1000,
      tandem_in_run_ms: 300,
      newman_vs_tandem_ratio: 25,
      bru_vs_tandem_ratio: null,
      tandem_run_peak_rss_mb: 70,
    } as unknown as BenchReport['collection'];
    const engine = { measured: true, tandem_median_us: 200 } as unknown as BenchReport['engine'];
    const s = summarize({ cold_start: skipped, engine, collection, ui: skipped });
    expect(s.run_per_request_us).toBe(300);
    expect(s.run_vs_engine_per_request_ratio).toBe(1.5);
    expect(s.newman_vs_tandem_ratio).toBe(25);
    expect(s.bru_vs_tandem_ratio).toBeNull();
    expect(s.tandem_run_peak_rss_mb).toBe(70);
  });
});
