import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const PROJECT = resolve(__dirname, '../..');
const start = createRequire(__filename)('../../bin/start.js') as {
  needsBuild(projectDir?: string): boolean;
  electronRuntime(projectDir?: string, env?: NodeJS.ProcessEnv): string | null;
  NO_ELECTRON: string;
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-start-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function touch(path: string, when: Date) {
  await mkdir(resolve(path, '..'), { recursive: true });
  await writeFile(path, '');
  await utimes(path, when, when);
}

describe('npm start: is the Electron runtime really there?', () => {
  it('no electron package, or one whose binary was never downloaded: no runtime', async () => {
    expect(start.electronRuntime(dir, {})).toBeNull();
    await mkdir(join(dir, 'node_modules', 'electron'), { recursive: true });
    expect(start.electronRuntime(dir, {})).toBeNull();
    await writeFile(join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(start.electronRuntime(dir, {})).toBeNull();
  });

  it('path.txt naming a binary that exists under dist/: that binary', async () => {
    await touch(join(dir, 'node_modules', 'electron', 'dist', 'electron'), new Date());
    await writeFile(join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(start.electronRuntime(dir, {})).toBe(join(dir, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('ELECTRON_OVERRIDE_DIST_PATH is honoured, as the electron package does', async () => {
    await mkdir(join(dir, 'node_modules', 'electron'), { recursive: true });
    await writeFile(join(dir, 'node_modules', 'electron', 'path.txt'), 'electron');
    await touch(join(dir, 'custom', 'electron'), new Date());
    const env = { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'custom') };
    expect(start.electronRuntime(dir, env)).toBe(join(dir, 'custom', 'electron'));
  });
});

describe('npm start: does it need to build first?', () => {
  const outputs = ['out/main/index.js', 'out/cli/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];
  const old = new Date('2026-01-01T00:00:00Z');
  const later = new Date('2026-01-02T00:00:00Z');

  it('builds when out/ is missing or incomplete', async () => {
    await touch(join(dir, 'main', 'index.ts'), old);
    expect(start.needsBuild(dir)).toBe(true);
    for (const o of outputs.slice(1)) await touch(join(dir, o), later);
    expect(start.needsBuild(dir)).toBe(true);
  });

  it('skips the build when out/ is newer than every source, and builds after an edit', async () => {
    await touch(join(dir, 'main', 'core', 'tandem.ts'), old);
    await touch(join(dir, 'renderer', 'src', 'App.tsx'), old);
    await touch(join(dir, 'node_modules', 'x', 'index.js'), new Date('2027-01-01T00:00:00Z'));
    for (const o of outputs) await touch(join(dir, o), later);
    expect(start.needsBuild(dir)).toBe(false);
    await touch(join(dir, 'renderer', 'src', 'App.tsx'), new Date('2026-01-03T00:00:00Z'));
    expect(start.needsBuild(dir)).toBe(true);
  });
});

const runReal = !start.electronRuntime(PROJECT) && !start.needsBuild(PROJECT);
describe.skipIf(!runReal)(
  `npm start on a machine without the Electron runtime${
    runReal ? '' : ' (skipped: Electron is installed here, or out/ is older than the sources: npm run build)'
  }`,
  () => {
    it('says so in one line, then serves Tandem in web mode with the demo, and stops on SIGTERM', async () => {
      const child = spawn(process.execPath, [join(PROJECT, 'bin', 'start.js'), '--no-open'], {
        env: { ...process.env, TANDEM_HOME: dir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
      try {
        const url = await new Promise<string>((ok, ko) => {
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})/.exec(out);
            if (m) ok(m[1]);
          });
          child.on('exit', () => ko(new Error(`npm start ended early:\n${out}`)));
        });
        const lines = out.split('\n');
        expect(lines.filter((l) => l === start.NO_ELECTRON)).toHaveLength(1);
        expect(lines.indexOf(start.NO_ELECTRON)).toBeLessThan(lines.findIndex((l) => l.includes(url)));
        const page = await fetch(url);
        expect(page.status).toBe(200);
        const token = new URL(url).searchParams.get('token');
        const profiles = await fetch(new URL('/api/profiles.list', url), {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        });
        const body = (await profiles.json()) as { ok: boolean; value: Array<{ name: string }> };
        expect(body.value.map((p) => p.name)).toEqual(expect.arrayContaining(['alice', 'bob', 'anonymous']));
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    });
  },
);
