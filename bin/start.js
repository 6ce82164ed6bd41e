#!/usr/bin/env node
// `npm start`: build when needed, then open the desktop app, or web mode when the Electron
// runtime is not on this machine. Plain Node (CommonJS), no dependencies.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PROJECT = path.resolve(__dirname, '..');
const SOURCES = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/cli/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];
const NO_ELECTRON =
  'Electron runtime is not installed on this machine (it could not be downloaded); opening Tandem in your browser instead (web mode).';

/** Newest modification time under `p` (a file or a folder), skipping node_modules and dot folders. */
function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** True when any output is missing or older than the newest source. */
function needsBuild(projectDir = PROJECT) {
  let oldestOutput = Number.POSITIVE_INFINITY;
  for (const o of OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(path.join(projectDir, o)).mtimeMs);
    } catch {
      return true;
    }
  }
  const newestSource = Math.max(...SOURCES.map((s) => newestMtime(path.join(projectDir, s))));
  return newestSource > oldestOutput;
}

/**
 * The Electron executable when the runtime is really there, else null. Reads the files the
 * `electron` package points to; never `require('electron')`, which would try to download it.
 */
function electronRuntime(projectDir = PROJECT, env = process.env) {
  const pkg = path.join(projectDir, 'node_modules', 'electron');
  let relative;
  try {
    relative = fs.readFileSync(path.join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    return null;
  }
  if (!relative) return null;
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const exe = path.join(dist, relative);
  return fs.existsSync(exe) ? exe : null;
}

function build(projectDir = PROJECT) {
  const pkgJson = path.join(projectDir, 'node_modules', 'electron-vite', 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['electron-vite'];
  console.log('Building Tandem (electron-vite build)...');
  const r = spawnSync(process.execPath, [path.join(path.dirname(pkgJson), bin), 'build'], {
    cwd: projectDir,
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.error('Tandem could not be built: see the errors above.');
    process.exit(r.status || 1);
  }
}

/** After Ctrl+C, how long the child (which got it too) has to stop on its own before we ask. */
const INTERRUPT_GRACE_MS = 3000;
/** How long a child has to stop after being asked before it is killed. */
const GRACE_MS = 5000;
/** How often we look whether our own parent (npm, a shell, a process manager) is gone. */
const ORPHAN_CHECK_MS = 500;

/** The parent pid of `pid` (Linux: from /proc), or null when it cannot be told. */
function parentOf(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * Runs a child in the foreground; its exit code becomes ours. Its children stop when we go:
 * - SIGTERM or SIGHUP sent to us is passed on to the child;
 * - SIGINT: Ctrl+C in a terminal already reached the child (same process group), so it gets a
 *   moment to stop by itself; a SIGINT sent to us alone is passed on as SIGTERM after that;
 * - when our parent (or, on Linux, its parent: npm runs us through `sh -c`) goes without
 *   telling us (npm ended by SIGHUP or killed, the terminal closed), we notice the re-parenting
 *   and stop the child;
 * - a child that has not stopped GRACE_MS after being asked is killed.
 */
function runForeground(command, args, options = {}) {
  const child = spawn(command, args, { cwd: options.cwd ?? PROJECT, stdio: options.stdio ?? 'inherit' });
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  let stopping = false;
  const stop = (sig) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.pid) child.kill(sig);
    if (!stopping) {
      stopping = true;
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, GRACE_MS).unref();
    }
  };
  process.on('SIGINT', () => {
    setTimeout(() => stop('SIGTERM'), INTERRUPT_GRACE_MS).unref();
  });
  for (const sig of ['SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
  const watch = setInterval(() => {
    // npm runs scripts through `sh -c`, which stays when npm is ended by SIGHUP: so the shell
    // being orphaned counts too.
    if (process.ppid !== parent || (grandparent !== null && parentOf(parent) !== grandparent))
      stop('SIGTERM');
  }, ORPHAN_CHECK_MS);
  watch.unref();
  child.on('error', (e) => {
    console.error(`Could not start ${path.basename(command)}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    clearInterval(watch);
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
}

function main() {
  if (needsBuild()) build();
  const exe = electronRuntime();
  const extra = process.argv.slice(2);
  if (exe) {
    // Chromium will not run as root with its OS sandbox on (containers); the page keeps
    // context isolation and its renderer sandbox (no Node) either way.
    const asRoot = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    runForeground(exe, [PROJECT, ...asRoot, ...extra]);
    return;
  }
  console.log(NO_ELECTRON);
  runForeground(process.execPath, [path.join(PROJECT, 'out', 'cli', 'cli.js'), 'web', '--demo', ...extra]);
}

module.exports = { needsBuild, electronRuntime, runForeground, NO_ELECTRON };

if (require.main === module) main();
