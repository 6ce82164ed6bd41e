// Builds the `tandem` CLI (main/cli/index.ts) into out/cli/cli.js: ONE bundle with its
// dependencies inside (zod, commander, tough-cookie, undici are tree-shaken and need no module
// resolution at start), split only where the code says `import()`, so a command loads what it
// needs and no more. Runs after `electron-vite build`, in a folder of its own that electron-vite
// never empties, so a rebuild swaps the CLI in one step and a running test never finds it gone.
// bin/tandem.js loads the result through a V8 code cache (see there).
import { spawnSync } from 'node:child_process';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.env.TANDEM_CLI_OUT ?? path.join(root, 'out', 'cli');
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

// The engine uses two of undici's dispatchers (Agent, ProxyAgent: main/core/http/dispatchers.ts).
// undici's index loads all of undici (fetch, WebSocket, caches, mocks: ~+9 MB and ~80 ms before
// the first request), so the CLI takes the two classes from their own files. The build fails
// if undici ever moves them (test/cli/build.test.ts checks the bundle has both).
const UNDICI_DISPATCHERS = '\0tandem:undici-dispatchers';
const undiciDispatchers = {
  name: 'tandem-undici-dispatchers',
  async resolveId(id, importer) {
    // The two files are looked up from the project, as any import of undici would be.
    if (importer === UNDICI_DISPATCHERS) {
      const found = await this.resolve(id, path.join(root, 'package.json'));
      if (!found || found.external)
        throw new Error(`undici no longer has ${id}: update scripts/build-cli.mjs`);
      return found;
    }
    if (id === 'undici' && importer && !importer.includes('node_modules')) return UNDICI_DISPATCHERS;
    return null;
  },
  load(id) {
    if (id !== UNDICI_DISPATCHERS) return null;
    return [
      "export { default as Agent } from 'undici/lib/dispatcher/agent.js';",
      "export { default as ProxyAgent } from 'undici/lib/dispatcher/proxy-agent.js';",
    ].join('\n');
  },
};

// `charset: 'ascii'` (below) leaves licence comments as they are; one name with an accent there
// would still make the whole file's source two bytes per character. Escaped in the comment only.
const asciiLicenceComments = {
  name: 'tandem-ascii-licence-comments',
  renderChunk(code) {
    return code.replace(/\/\*![\s\S]*?\*\//g, (comment) =>
      comment.replace(/[\u0080-\u{10ffff}]/gu, (ch) => `\\u{${ch.codePointAt(0).toString(16)}}`),
    );
  },
};

// Built into a staging folder first: a failed build leaves the previous CLI in place.
const staging = path.join(path.dirname(outDir), `.cli-staging-${process.pid}`);
await rm(staging, { recursive: true, force: true });
await build({
  input: { cli: path.join(root, 'main', 'cli', 'index.ts') },
  platform: 'node',
  plugins: [undiciDispatchers, asciiLicenceComments],
  // playwright-core (browser login, loaded only then) finds its own files at run time: kept as a package.
  external: (id) => builtins.has(id) || id === 'electron' || id === 'playwright-core',
  resolve: { conditionNames: ['node', 'import', 'default'] },
  output: {
    dir: staging,
    format: 'cjs',
    // Chunks sit beside cli.js, one level below out/ like out/main: code that uses __dirname
    // (web mode's renderer folder, ../renderer) finds the same files.
    entryFileNames: '[name].js',
    chunkFileNames: 'cli-[name]-[hash].js',
    // Smaller source: less to read, hash and keep in memory at every start.
    minify: true,
    // Escaped non-ASCII (`\u00e9`): V8 then keeps each file's source as one byte per character.
    // One é in a file (the public-suffix list has many) makes the whole source two bytes per
    // character: ~1.4 MB more for cli.js, and kept in memory for as long as the process runs.
    charset: 'ascii',
    keepNames: true,
    sourcemap: false,
  },
  logLevel: 'warn',
});

// The top-level help, as the CLI itself prints it, for bin/tandem.js to answer `tandem --help`
// without loading anything (the CLI lays help out for 80 columns whatever the terminal).
const help = spawnSync(process.execPath, [path.join(staging, 'cli.js'), '--help'], { encoding: 'utf8' });
if (help.status !== 0 || !help.stdout)
  throw new Error(`the built CLI did not print its help: ${help.stderr}`);
await writeFile(path.join(staging, 'cli-help.txt'), help.stdout);

// Swap: the new folder in, the previous one (and its code cache) out.
const previous = `${outDir}.old-${process.pid}`;
await rename(outDir, previous).catch(() => undefined);
await mkdir(path.dirname(outDir), { recursive: true });
await rename(staging, outDir);
await rm(previous, { recursive: true, force: true });
