import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/contract/dispatch';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { unwrap } from '../../support/result';

/**
 * Previewing a Postman environment export (real files): the name, every variable with what Import
 * does with it (secret-typed: plain text; disabled: left out), a taken name refused in one line,
 * and a broken file or one of another kind as one line. A preview writes nothing.
 */

const fixture = (...p: string[]) => fs.readFile(path.join(__dirname, ...p), 'utf8');
const qa = () => fixture('fixtures', 'qa.postman_environment.json');

describe('previewing a Postman environment', { timeout: 30_000 }, () => {
  let dataDir: string;
  let core: Tandem;

  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-penv-'));
    core = await createTandem({ dataDir, host: 'cli' });
  });
  afterEach(async () => {
    await core.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const environmentFiles = () => fs.readdir(path.join(dataDir, 'environments')).catch(() => []);

  it('names every variable and what Import does with it, and writes nothing', async () => {
    const preview = unwrap(await dispatch(core, 'environments.previewPostman', { text: await qa() }));
    expect(preview).toEqual({
      name: 'QA-server',
      fileName: 'QA server',
      variables: { baseUrl: 'https://qa.example.test', apiKey: 'k-123', refreshToken: '', retries: '3' },
      rows: [
        { where: 'values[0]', name: 'baseUrl', secret: false, imported: true, note: null },
        {
          where: 'values[1]',
          name: 'apiKey',
          secret: true,
          imported: true,
          note: 'secret in Postman: stored as plain text',
        },
        {
          where: 'values[2]',
          name: 'refreshToken',
          secret: true,
          imported: true,
          note: 'secret in Postman: stored as plain text; empty in the file',
        },
        {
          where: 'values[3]',
          name: 'oldHost',
          secret: false,
          imported: false,
          note: 'disabled in Postman: left out',
        },
        { where: 'values[4]', name: 'retries', secret: false, imported: true, note: null },
      ],
      skipped: [],
      notes: [
        "2 secret-typed values are stored as plain text in environments/QA-server.json, like every environment value (only a profile's secret variables are sealed)",
      ],
      refusal: null,
    });
    expect(await environmentFiles()).toEqual([]);
  });

  it('takes the name asked for, made valid; a taken name (in any case) is refused in one line', async () => {
    const named = unwrap(await core['environments.previewPostman']({ text: await qa(), name: 'qa two' }));
    expect(named.name).toBe('qa-two');
    expect(named.refusal).toBeNull();

    unwrap(
      await core['environments.save']({ environment: { name: 'qa-server', variables: { keep: 'me' } } }),
    );
    const before = await fs.readFile(path.join(dataDir, 'environments', 'qa-server.json'), 'utf8');
    const taken = unwrap(await core['environments.previewPostman']({ text: await qa() }));
    expect(taken.refusal).toBe("An environment named 'QA-server' already exists: choose another name");
    expect(taken.rows).toHaveLength(5);
    const bad = unwrap(await core['environments.previewPostman']({ text: await qa(), name: '!!!' }));
    expect(bad.refusal).toBe("'!!!' cannot be an environment name: use letters, digits, _ . - (up to 64)");
    // The import itself (environments.save with create) refuses the taken name too, and keeps the file.
    const res = await core['environments.save']({
      environment: { name: taken.name, variables: taken.variables },
      create: true,
    });
    expect(res.ok).toBe(false);
    expect(await environmentFiles()).toEqual(['qa-server.json']);
    expect(await fs.readFile(path.join(dataDir, 'environments', 'qa-server.json'), 'utf8')).toBe(before);
  });

  it('entries that are not variables are listed with where they are; a key given twice keeps the later value', async () => {
    const text = JSON.stringify({
      name: 'dev',
      values: [{ key: 'a', value: '1' }, 'x', { value: 'no key' }, { key: 'a', value: '2' }],
    });
    const preview = unwrap(await core['environments.previewPostman']({ text }));
    expect(preview.variables).toEqual({ a: '2' });
    expect(preview.rows.map((r) => [r.where, r.imported, r.note])).toEqual([
      ['values[0]', false, 'given again below: the later value is kept'],
      ['values[3]', true, null],
    ]);
    expect(preview.skipped).toEqual([
      { where: 'values[1]', reason: 'not a variable' },
      { where: 'values[2]', reason: 'no key' },
    ]);
  });

  it('a malformed file is one line', async () => {
    const res = await core['environments.previewPostman']({
      text: await fixture('fixtures', 'truncated.postman_environment.json'),
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_FILE');
    expect(res.error.message).toMatch(/^Not a Postman environment: the file is not valid JSON \(.+\)$/);
    expect(res.error.message).not.toContain('\n');
    expect(await environmentFiles()).toEqual([]);
  });

  it('a file of another kind is one line that says what it is', async () => {
    const collection = await core['environments.previewPostman']({
      text: await fixture('..', 'interop', 'fixtures', 'postman-forms.postman_collection.json'),
    });
    expect(collection).toEqual({
      ok: false,
      error: {
        code: 'INVALID_FILE',
        message: 'This file is a Postman collection, not an environment: import it as a collection',
      },
    });
    for (const text of ['{"name":"x","values":{}}', '[1,2]', '{"log":{"entries":[]}}']) {
      const res = await core['environments.previewPostman']({ text });
      expect(res).toEqual({
        ok: false,
        error: {
          code: 'INVALID_FILE',
          message:
            'Not a Postman environment: expected "name" and a "values" list (in Postman: Environments, ⋯, Export)',
        },
      });
    }
    expect(await environmentFiles()).toEqual([]);
  });
});
