import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonFile } from '../../../main/core/store/files';

/** createJsonFile writes a new file whole, never replaces one, and leaves no temp file behind. */
describe('createJsonFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-create-file-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('creates a private file with the JSON, in a folder it makes', async () => {
    const file = path.join(dir, 'sub', 'a.json');
    expect(await createJsonFile(file, { a: 1 })).toBe(true);
    expect(JSON.parse(await fs.readFile(file, 'utf8'))).toEqual({ a: 1 });
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readdir(path.join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('answers false and keeps the bytes of a file that is already there', async () => {
    const file = path.join(dir, 'a.json');
    await fs.writeFile(file, 'not even JSON');
    expect(await createJsonFile(file, { a: 2 })).toBe(false);
    expect(await fs.readFile(file, 'utf8')).toBe('not even JSON');
    expect(await fs.readdir(dir)).toEqual(['a.json']);
  });
});
