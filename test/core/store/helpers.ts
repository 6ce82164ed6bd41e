import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

/** A fresh workspace directory; `cleanup` removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-store-'));
  return { dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

const bundles = new Map<string, Promise<string>>();

/** Bundles `fixtures/<name>.ts` into one plain .mjs file that node can run as a second process. */
export function fixtureScript(name: string): Promise<string> {
  let bundled = bundles.get(name);
  if (!bundled) {
    bundled = (async () => {
      const out = await fs.mkdtemp(path.join(os.tmpdir(), `tandem-${name}-`));
      const file = path.join(out, `${name}.mjs`);
      await build({
        input: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', `${name}.ts`),
        platform: 'node',
        logLevel: 'silent',
        write: true,
        output: { file, format: 'esm' },
      });
      return file;
    })();
    bundles.set(name, bundled);
  }
  return bundled;
}

/** Bundles the writer fixture (see fixtures/writer.ts). */
export function writerScript(): Promise<string> {
  return fixtureScript('writer');
}

/** Removes the bundled fixtures (call from afterAll). */
export async function disposeWriter(): Promise<void> {
  const all = [...bundles.values()];
  bundles.clear();
  for (const bundled of all) {
    const file = await bundled.catch(() => null);
    if (file) await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}

/** Runs a bundled fixture to completion with `args`; its stdout, or a rejection with its stderr. */
export async function runFixture(name: string, args: string[]): Promise<string> {
  const script = await fixtureScript(name);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${name} failed: ${err}`))));
  });
}

/** Runs the writer to completion; rejects with its stderr if it fails. */
export function runWriter(args: string[]): Promise<string> {
  return runFixture('writer', args);
}

export { type LoopbackServer, startLoopbackServer as startServer } from '../../support/loopback';

export async function lineCount(file: string): Promise<number> {
  const text = await fs.readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length;
}
