#!/usr/bin/env node
// Builds bench/runcost.ts (with the core it measures) into out/bench-runcost/ and runs it:
//   node bench/runcost.mjs [--n=1000] [--rounds=5] [--only=engine|run]
// Extra node flags (e.g. --cpu-prof) go before the script: node --cpu-prof bench/runcost.mjs.
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const dir = path.join(root, 'out', 'bench-runcost');
await build({
  input: { runcost: path.join(root, 'bench', 'runcost.ts') },
  platform: 'node',
  external: (id) => builtins.has(id) || id === 'electron',
  resolve: { conditionNames: ['node', 'import', 'default'] },
  output: { dir, format: 'cjs', entryFileNames: '[name].js', codeSplitting: false, sourcemap: true },
  logLevel: 'silent',
});
const { main } = createRequire(import.meta.url)(path.join(dir, 'runcost.js'));
await main();
process.exit(0);
