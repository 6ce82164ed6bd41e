#!/usr/bin/env node
// `npm run bench` entry: the benchmarks are TypeScript built with the core into
// out/main/bench.js (electron.vite.config.ts), so they drive exactly the code that ships.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../out/main/bench.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write('Benchmarks are not built yet: run npm run build (npm run bench does it for you)\n');
  process.exit(2);
}
const { runBench } = createRequire(import.meta.url)(built);
const code = await runBench(process.argv.slice(2));
// Kept-alive sockets or timers must not keep us alive once the report is out.
process.stdout.write('', () => process.exit(code));
