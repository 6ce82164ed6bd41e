import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { switchBodyType } from '../../../renderer/src/features/request/bodyType';
import { checkJson } from '../../../renderer/src/features/request/jsonCheck';
import { parseParams, withParams } from '../../../renderer/src/features/request/params';
import { segmentTemplate, unknownVariables } from '../../../renderer/src/features/request/variables';

describe('query params ↔ URL', () => {
  it('reads params in order, repeated names and bare flags kept, {{variables}} untouched', () => {
    expect(parseParams('{{base}}/search?q={{term}}&tag=a&tag=b&debug#top')).toEqual([
      { name: 'q', value: '{{term}}' },
      { name: 'tag', value: 'a' },
      { name: 'tag', value: 'b' },
      { name: 'debug', value: '' },
    ]);
    expect(parseParams('http://x/no-query')).toEqual([]);
  });

  it('writes params back, keeping the base and the #fragment, escaping what would break the query', () => {
    const url = withParams('http://x/p?old=1#frag', [
      { name: 'a', value: '1&2' },
      { name: 'off', value: 'x', enabled: false },
      { name: 'flag', value: '' },
    ]);
    expect(url).toBe('http://x/p?a=1%262&flag#frag');
    expect(withParams('http://x/p?a=1', [])).toBe('http://x/p');
  });

  it('round-trips: whatever the table holds, the URL reads back as the same table', () => {
    const plain = fc.string({ maxLength: 8 }).filter((s) => !/[&#=%]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.record({ name: plain.filter((s) => s !== ''), value: plain })), (rows) => {
        expect(parseParams(withParams('{{base}}/p', rows))).toEqual(rows);
      }),
    );
  });

  it('never lets a typed & or # split a row or end the query', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ minLength: 1 }), value: fc.string() })), (rows) => {
        const url = withParams('http://x/p', rows);
        expect(parseParams(url)).toHaveLength(rows.length);
        expect(url).not.toContain('#');
      }),
    );
  });
});

describe('{{variables}} in the URL', () => {
  it("marks alice's variables known and anything else unknown", () => {
    const vars = { base: 'http://127.0.0.1:1' };
    expect(segmentTemplate('{{base}}/users/{{ id }}?x=1', vars)).toEqual([
      { text: '{{base}}', kind: 'known', name: 'base' },
      { text: '/users/', kind: 'plain' },
      { text: '{{ id }}', kind: 'unknown', name: 'id' },
      { text: '?x=1', kind: 'plain' },
    ]);
    expect(unknownVariables('{{a}}{{b}}{{a}}{{base}}', vars)).toEqual(['a', 'b']);
    expect(segmentTemplate('plain', vars)).toEqual([{ text: 'plain', kind: 'plain' }]);
  });
});

describe('JSON body validation', () => {
  it('accepts valid JSON, empty text, and {{variables}} standing for values', () => {
    expect(checkJson('')).toEqual({ ok: true });
    expect(checkJson('{"user": "{{name}}", "id": {{id}}}')).toEqual({ ok: true });
  });

  it('names the line and column of a mistake', () => {
    const res = checkJson('{\n  "a": 1,\n}');
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.message).toMatch(/^Invalid JSON at line 3, column 1/);
    const bad = checkJson('{"a": }');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^Invalid JSON/);
  });
});

describe('switching body type', () => {
  it('carries text between JSON and raw, and restores what was typed under a type', () => {
    expect(switchBodyType({ type: 'json', text: '{}' }, 'text')).toEqual({
      type: 'text',
      text: '{}',
      contentType: 'text/plain',
    });
    const form = { type: 'form' as const, fields: [{ name: 'a', value: '1' }] };
    expect(switchBodyType({ type: 'none' }, 'form', form)).toBe(form);
    expect(switchBodyType({ type: 'json', text: 'x' }, 'file')).toEqual({ type: 'file', path: '' });
  });
});
