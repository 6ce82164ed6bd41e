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

let bundled: Promise<string> | null = null;

/** Bundles the writer fixture into one plain .mjs file that node can run as a second process. */
export function writerScript(): Promise<string> {
  bundled ??= (async () => {
    const out = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-writer-'));
    const file = path.join(out, 'writer.mjs');
    await build({
      input: path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'writer.ts'),
      platform: 'node',
      logLevel: 'silent',
      write: true,
      output: { file, format: 'esm' },
    });
    return file;
  })();
  return bundled;
}

/** Removes the bundled writer (call from afterAll). */
export async function disposeWriter(): Promise<void> {
  if (!bundled) return;
  const file = await bundled.catch(() => null);
  bundled = null;
  if (file) await fs.rm(path.dirname(file), { recursive: true, force: true });
}

/** Runs the writer to completion; rejects with its stderr if it fails. */
export async function runWriter(args: string[]): Promise<string> {
  const script = await writerScript();
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
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`writer failed: ${err}`))));
  });
}

export { type LoopbackServer, startLoopbackServer as startServer } from '../../support/loopback';

export async function lineCount(file: string): Promise<number> {
  const text = await fs.readFile(file, 'utf8');
  return text.split('\n').filter((l) => l.trim() !== '').length;
}
