#!/usr/bin/env node
// Electron hardening check: runs @doyensec/electronegativity on the shell (main/index.ts,
// main/shell/, preload/) and fails on any HIGH finding, or on a MEDIUM one that SECURITY.md does
// not list under "Accepted electronegativity findings" with its reason.
//
// It is fetched with npx at a pinned version rather than installed as a devDependency: it weighs
// ~150 MB (an old TypeScript and ESLint) and one of its dependencies has an install script, which
// would make every `npm install` louder and heavier for a check only CI needs. It runs offline
// except for one step (a list of Electron releases it fetches from GitHub), which it skips with a
// warning when there is no connectivity; `-e` tells it our Electron version instead.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOL = '@doyensec/electronegativity@1.10.3';

/** `CHECK_ID` names listed in SECURITY.md's accepted-findings section. */
export function acceptedFindings(securityMd) {
  const start = securityMd.indexOf('## Accepted electronegativity findings');
  if (start < 0) return new Set();
  const rest = securityMd.slice(start + 3);
  const end = rest.indexOf('\n## ');
  const section = end < 0 ? rest : rest.slice(0, end);
  return new Set([...section.matchAll(/^[-*] `([A-Z_]+)`/gm)].map((m) => m[1]));
}

/** Rows of electronegativity's CSV report: { issue, severity, file, location }. */
export function parseReport(csv) {
  return csv
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [issue, severity, confidence, file, location] = l.split(',').map((f) => f.replace(/^"|"$/g, ''));
      return { issue, severity, confidence, file, location };
    });
}

function electronVersion() {
  const installed = join(ROOT, 'node_modules', 'electron', 'package.json');
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, 'utf8')).version;
  const range =
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies?.electron ?? '45.0.0';
  return range.replace(/^[^\d]*/, '');
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'tandem-electronegativity-'));
  try {
    const input = join(work, 'shell');
    cpSync(join(ROOT, 'main', 'index.ts'), join(input, 'index.ts'));
    cpSync(join(ROOT, 'main', 'shell'), join(input, 'shell'), { recursive: true });
    cpSync(join(ROOT, 'preload'), join(input, 'preload'), { recursive: true });
    const report = join(work, 'report.csv');
    const args = [
      '--yes',
      '-p',
      TOOL,
      'electronegativity',
      '-i',
      input,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion(),
      '-o',
      report,
    ];
    const run = spawnSync('npx', args, { cwd: work, encoding: 'utf8' });
    if (!existsSync(report)) {
      process.stderr.write(
        `${run.stdout}\n${run.stderr}\nelectronegativity did not run (exit ${run.status})\n`,
      );
      process.exit(1);
    }
    const rows = parseReport(readFileSync(report, 'utf8'));
    const accepted = acceptedFindings(readFileSync(join(ROOT, 'SECURITY.md'), 'utf8'));
    const by = (s) => rows.filter((r) => r.severity === s);
    const undocumented = by('MEDIUM').filter((r) => !accepted.has(r.issue));
    for (const r of rows) console.log(`  ${r.severity.padEnd(13)} ${r.issue} ${r.file}:${r.location}`);
    console.log(
      `electronegativity: ${by('HIGH').length} high, ${by('MEDIUM').length} medium (${by('MEDIUM').length - undocumented.length} accepted in SECURITY.md), ${by('LOW').length} low, ${by('INFORMATIONAL').length} informational`,
    );
    if (by('HIGH').length > 0 || undocumented.length > 0) {
      for (const r of undocumented)
        console.error(`undocumented MEDIUM finding ${r.issue}: fix it or explain it in SECURITY.md`);
      process.exit(1);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
