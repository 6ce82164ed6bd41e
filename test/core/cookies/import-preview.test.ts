import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { tempDir } from '../store/helpers';

/** A cookies.txt with two good lines, one expired line and two bad ones (lines 3 and 5). */
const FILE = [
  '# Netscape HTTP Cookie File',
  'localhost\tFALSE\t/\tFALSE\t0\tgood1\tone',
  'not a cookie line',
  '.example.com\tTRUE\t/\tTRUE\t4102444800\tgood2\ttwo',
  'localhost\tMAYBE\t/\tFALSE\t0\tbad\tx',
  'localhost\tFALSE\t/\tFALSE\t1000\told\tgone',
  '',
].join('\n');

describe('cookie import preview and --skip-invalid', () => {
  let tandem: Tandem;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const t = await tempDir();
    cleanup = t.cleanup;
    tandem = await createTandem({ dataDir: t.dir, host: 'cli' });
    await tandem['profiles.create']({ name: 'alice' });
  });
  afterEach(async () => {
    await tandem.close();
    await cleanup();
  });

  const names = async () => {
    const r = await tandem['cookies.list']({ profile: 'alice' });
    if (!r.ok) throw new Error(r.error.message);
    return r.value.map((c) => c.name).sort();
  };

  it('the preview counts valid, expired and rejected lines with their numbers and reasons, and imports nothing', async () => {
    const r = await tandem['cookies.previewImport']({ format: 'netscape', text: FILE });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toMatchObject({ format: 'netscape', valid: 2, expired: 1 });
    expect(r.value.rejected.map((x) => x.line)).toEqual([3, 5]);
    expect(r.value.rejected[0].where).toBe('line 3');
    expect(r.value.rejected[0].reason).toMatch(/7 tab-separated fields/);
    expect(r.value.rejected[1].reason).toMatch(/TRUE or FALSE/);
    expect(r.value.rejected[1].reason).not.toMatch(/^file line/);
    expect(await names()).toEqual([]);
  });

  it('without skipInvalid one bad line imports nothing; with it the valid lines go in and the rejected come back', async () => {
    const all = await tandem['cookies.import']({ profile: 'alice', format: 'netscape', text: FILE });
    expect(all.ok).toBe(false);
    if (!all.ok) expect(all.error.code).toBe('INVALID_FILE');
    expect(await names()).toEqual([]);

    const some = await tandem['cookies.import']({
      profile: 'alice',
      format: 'netscape',
      text: FILE,
      skipInvalid: true,
    });
    if (!some.ok) throw new Error(some.error.message);
    expect(some.value.imported).toBe(2);
    expect(some.value.rejected.map((x) => x.where)).toEqual(['line 3', 'line 5']);
    expect(await names()).toEqual(['good1', 'good2']);
  });

  it('JSON items are previewed one by one; a file that is not JSON at all fails as a whole', async () => {
    const text = JSON.stringify([
      { name: 'a', value: '1', domain: 'localhost' },
      { name: 'b', domain: 'localhost' },
    ]);
    const r = await tandem['cookies.previewImport']({ format: 'json', text });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.valid).toBe(1);
    expect(r.value.rejected).toEqual([expect.objectContaining({ line: 2, where: 'item 2' })]);
    const broken = await tandem['cookies.previewImport']({ format: 'json', text: '[{' });
    expect(broken.ok).toBe(false);
  });
});
