#!/usr/bin/env node
// `npm start`: build when needed, then open the desktop app, or web mode when the Electron
// runtime is not on this machine. Plain Node (CommonJS), no dependencies.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PROJECT = path.resolve(__dirname, '..');
const SOURCES = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = ['out/main/index.js', 'out/main/cli.js', 'out/preload/index.js', 'out/renderer/index.html'];
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

/**
 * Runs a child in the foreground; its exit code becomes ours. Ctrl+C already reaches the
 * child (same process group), so SIGINT is only kept from killing us before it has stopped;
 * SIGTERM/SIGHUP sent to us alone are passed on.
 */
function runForeground(command, args) {
  const child = spawn(command, args, { cwd: PROJECT, stdio: 'inherit' });
  process.on('SIGINT', () => {});
  for (const sig of ['SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (child.exitCode === null) child.kill(sig);
    });
  }
  child.on('error', (e) => {
    console.error(`Could not start ${path.basename(command)}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
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
  runForeground(process.execPath, [path.join(PROJECT, 'out', 'main', 'cli.js'), 'web', '--demo', ...extra]);
}

module.exports = { needsBuild, electronRuntime, NO_ELECTRON };

if (require.main === module) main();
