import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script of the CI, no types
import { acceptedFindings, parseReport } from '../../.ci/electronegativity.mjs';

/** SECURITY.md and the CI's electronegativity gate (`.ci/electronegativity.mjs`, run by `.ci/run`). */

const ROOT = resolve(__dirname, '../..');
const security = readFileSync(join(ROOT, 'SECURITY.md'), 'utf8');

describe('SECURITY.md', () => {
  it('says how to report a problem, what Tandem protects and what it does not', () => {
    for (const heading of [
      '## Reporting a problem',
      '## What Tandem protects',
      '## What Tandem does not protect against',
      '## Accepted electronegativity findings',
    ])
      expect(security).toContain(heading);
    expect(security).toMatch(/safeStorage/);
    expect(security).toMatch(/same-user|running as your user/);
  });

  it('documents each accepted medium finding with its reason; the gate reads exactly those', () => {
    const accepted = acceptedFindings(security) as Set<string>;
    expect([...accepted].sort()).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'PRELOAD_JS_CHECK']);
  });

  it('the gate reads electronegativity’s CSV report', () => {
    const csv = [
      'issue, severity, confidence, filename, location, sample, description, url',
      'PRELOAD_JS_CHECK,"MEDIUM","FIRM","index.ts","43:6","preload: x","Review the use of preload scripts",https://x',
      'AUXCLICK_JS_CHECK,"MEDIUM","FIRM","index.ts","35:12","const w = new BrowserWindow({","Limit",https://x',
    ].join('\n');
    expect(parseReport(csv)).toEqual([
      {
        issue: 'PRELOAD_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'index.ts',
        location: '43:6',
      },
      {
        issue: 'AUXCLICK_JS_CHECK',
        severity: 'MEDIUM',
        confidence: 'FIRM',
        file: 'index.ts',
        location: '35:12',
      },
    ]);
  });

  it('the .ci/run script runs the gate', () => {
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain('node .ci/electronegativity.mjs');
  });
});
