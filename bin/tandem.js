#!/usr/bin/env node
// The `tandem` command (npm bin). The CLI itself is one bundle, out/cli/cli.js (built by
// scripts/build-cli.mjs after `electron-vite build`), split only where a command loads its own
// code. This launcher keeps start-up short:
//   1. `--version` and `--help` are answered here, before anything else loads (the help text is
//      the one the CLI itself printed at build time, out/cli/cli-help.txt);
//   2. on Node >= 22.1 the runtime's own compile cache is switched on; on Node 20, which has none,
//      the bundle is compiled through a V8 code cache of our own (vm.Script cachedData), kept in
//      out/cli/.code-cache (TANDEM_CODE_CACHE=<dir> elsewhere, TANDEM_CODE_CACHE=off for none);
//   3. V8 is tuned per kind of command (`tuningOf`): short ones compile undici's HTTP parser
//      (WebAssembly) with the baseline compiler only (the optimising one costs ~35 MB and more time
//      than one request saves) and keep V8's young generation from growing (another ~10 MB for a
//      collection run); commands of a few requests also stop at V8's baseline JavaScript tier
//      (no TurboFan: ~2 MB less for a send, same time). V8 rejects a code cache made under other
//      flags, so each tuning keeps its own cache.
// Plain CommonJS, no dependencies.

const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, '..', 'out', 'cli');
const CLI = path.join(OUT, 'cli.js');
const argv = process.argv.slice(2);

/** Commands that run for a long time and may move big bodies: V8 as Node sets it up. */
const LONG_RUNNING = new Set(['web', 'serve', 'demo']);
/**
 * Commands that send a few requests or edit a few files. Their work is over before TurboFan's
 * code would pay for itself; the heavy part of a big response (reading, decoding, writing it) is
 * native and does not change. Runs, matrices, imports and exports loop over many items: they keep it.
 */
const FEW_REQUESTS = new Set(['send', 'compare', 'login', 'profiles', 'cookies', 'env', 'collections']);

/** The command named on the command line (the first argument that is not a global option or its value). */
function commandOf(args) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--data-dir') i++;
    else if (!args[i].startsWith('-')) return args[i];
  }
  return null;
}

/** The V8 flags a command runs with, and the name of the code cache made under them. */
function tuningOf(command) {
  if (LONG_RUNNING.has(command)) return { name: 'long', flags: [] };
  // Keep V8's young generation at its first size: by default it doubles (up to 16 MB per
  // semi-space) once enough objects survive, which a run of 1,000 requests does; a short command
  // gains nothing from it but ~10 MB of peak RSS (same CPU time, measured).
  const flags = ['--liftoff-only', '--semi-space-growth-factor=1'];
  if (FEW_REQUESTS.has(command)) return { name: 'few', flags: [...flags, '--max-opt=1'] };
  return { name: 'short', flags };
}

function fastPath() {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${require('../package.json').version}\n`);
    return true;
  }
  if (argv.length === 0 || (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h'))) {
    let help;
    try {
      help = fs.readFileSync(path.join(OUT, 'cli-help.txt'), 'utf8');
    } catch {
      return false; // an older build: let the CLI print it
    }
    process.stdout.write(help);
    return true;
  }
  return false;
}

/** Where the code cache made under `tuning` lives, or null when it is switched off. */
function cacheDir(tuning) {
  const setting = process.env.TANDEM_CODE_CACHE;
  if (setting === 'off' || setting === '0') return null;
  return path.join(setting ? path.resolve(setting) : path.join(OUT, '.code-cache'), tuning.name);
}

/**
 * Runs a CommonJS bundle file and the chunks it requires (`./cli-*.js`) through vm.Script with
 * V8 cached data. Cache files are named after the file's size and time and the Node version; V8
 * itself checks the source and its flags and rejects data that does not fit (then it is rebuilt).
 * New or rejected caches are written when the process exits, so they hold every function the
 * command compiled. Node built-ins go through the ordinary require.
 */
function cachedLoader(dir) {
  const vm = require('node:vm');
  const loaded = new Map();
  const pending = [];
  function load(file) {
    const known = loaded.get(file);
    if (known) return known.exports;
    const source = fs.readFileSync(file, 'utf8');
    const st = fs.statSync(file);
    const key = `${path.basename(file, '.js')}-${st.size}-${Math.round(st.mtimeMs)}-${process.version}-${process.arch}.bin`;
    const cacheFile = path.join(dir, key);
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(
      `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
      { filename: file, cachedData },
    );
    if (!cachedData || script.cachedDataRejected) pending.push({ script, cacheFile });
    const module = { exports: {}, filename: file, loaded: false };
    loaded.set(file, module);
    const base = path.dirname(file);
    const req = (id) =>
      id.startsWith('./') || id.startsWith('../') ? load(path.resolve(base, id)) : require(id);
    script.runInThisContext().call(module.exports, module.exports, req, module, file, base);
    module.loaded = true;
    return module.exports;
  }
  process.once('exit', () => {
    for (const { script, cacheFile } of pending) {
      try {
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    }
  });
  return load;
}

function start() {
  if (!fs.existsSync(CLI)) {
    process.stderr.write('Tandem is not built yet: run npm run build\n');
    process.exit(2);
  }
  const tuning = tuningOf(commandOf(argv));
  if (tuning.flags.length > 0) {
    const v8 = require('node:v8');
    for (const flag of tuning.flags) v8.setFlagsFromString(flag);
  }
  const mod = require('node:module');
  const dir = cacheDir(tuning);
  if (typeof mod.enableCompileCache === 'function') {
    if (dir) mod.enableCompileCache(dir);
    require(CLI);
  } else if (dir) {
    cachedLoader(dir)(CLI);
  } else {
    require(CLI);
  }
}

if (!fastPath()) start();
