import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from '../../main/web/csp';

const preload = resolve(__dirname, '../../out/preload/index.js');

describe('the built preload can run in a sandboxed renderer', () => {
  it('out/preload/index.js exists (npm test builds first; run npm run build)', () => {
    expect(existsSync(preload)).toBe(true);
  });

  it('is CommonJS, requires only electron, and exposes window.tandem', () => {
    const code = readFileSync(preload, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const required = [...code.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code).toMatch(/exposeInMainWorld\((["'])tandem\1/);
  });
});

describe('the built page carries the same Content-Security-Policy (for file:// in Electron)', () => {
  it('out/renderer/index.html has a CSP meta matching main/web/csp.ts, minus frame-ancestors', () => {
    const html = readFileSync(resolve(__dirname, '../../out/renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const expected = CSP_DIRECTIVES.filter(([k]) => k !== 'frame-ancestors')
      .map(([k, v]) => `${k} ${v}`)
      .join('; ');
    expect(meta![1]).toBe(expected);
  });
});
