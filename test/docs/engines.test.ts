import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `engines` must hold: every Node version package.json admits is one every dependency admits —
 * except the Electron installer packages, which ask for Node ≥ 22.12 (the README says so: on Node
 * 20 the desktop runtime cannot be fetched and npm start opens web mode).
 */

const ROOT = resolve(__dirname, '../..');
// semver (npm's own range logic) ships without types.
const semver = createRequire(__filename)('semver') as {
  subset(a: string, b: string, o?: { includePrerelease?: boolean }): boolean;
  satisfies(version: string, range: string): boolean;
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const DESKTOP_ONLY = new Set(['electron']);

function enginesOf(name: string): string | undefined {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).engines?.node;
}

describe('package.json engines', () => {
  const ours: string = pkg.engines.node;
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter(
    (n) => !DESKTOP_ONLY.has(n),
  );

  it('admits only Node versions every dependency supports', () => {
    const broken: string[] = [];
    for (const name of names) {
      const theirs = enginesOf(name);
      if (theirs && !semver.subset(ours, theirs, { includePrerelease: false }))
        broken.push(`${name} (${theirs})`);
    }
    expect(broken, `"${ours}" admits versions these do not support`).toEqual([]);
  });

  it('the Node running these tests is one it admits', () => {
    expect(semver.satisfies(process.version, ours)).toBe(true);
  });

  it('the README says which Node to use, and the desktop app’s higher need', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`"node": "${ours}"`);
    expect(readme).toMatch(/22\.12 or newer/);
  });
});
