import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TandemFailure } from '../../main/shared/errors';
import { findVariables, missingVariables, substitute } from '../../main/shared/substitute';

const vars = { host: 'api.test', token: 'abc123', user_id: '42', 'api.v': '2' };

describe('substitute', () => {
  it("replaces alice's {{host}} and {{token}} in a URL", () => {
    expect(substitute('https://{{host}}/users/{{user_id}}?t={{token}}', vars, 'URL')).toBe(
      'https://api.test/users/42?t=abc123',
    );
  });

  it('allows spaces inside the braces and dots or dashes in names', () => {
    expect(substitute('{{ host }}|{{api.v}}|{{  token}}', vars, 'URL')).toBe('api.test|2|abc123');
  });

  it('names the variable and the place when a variable is unknown', () => {
    let error: unknown;
    try {
      substitute('https://{{host}}/{{tenant}}', vars, 'URL');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TandemFailure);
    expect((error as TandemFailure).code).toBe('UNKNOWN_VARIABLE');
    expect((error as TandemFailure).message).toBe('Unknown variable {{tenant}} in URL');
  });

  it('does not treat inherited object keys as variables', () => {
    expect(() => substitute('{{constructor}}', {}, 'header X')).toThrow('Unknown variable {{constructor}}');
  });

  it('leaves text that is not a reference alone and does not expand values twice', () => {
    expect(substitute('{{}} {{a b}} { {x} }', {}, 'body')).toBe('{{}} {{a b}} { {x} }');
    expect(substitute('{{a}}', { a: '{{b}}', b: 'no' }, 'body')).toBe('{{b}}');
  });

  it('property: text without "{{" comes back unchanged', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (s) => substitute(s, vars, 'body') === s,
      ),
    );
  });

  it('property: every defined reference is replaced by its value', () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/);
    const plain = fc.string().filter((s) => !s.includes('{') && !s.includes('}'));
    fc.assert(
      fc.property(fc.array(fc.tuple(plain, name, plain), { maxLength: 5 }), fc.string(), (pieces, value) => {
        const variables: Record<string, string> = {};
        for (const [, n] of pieces) variables[n] = value;
        const text = pieces.map(([a, n, b]) => `${a}{{ ${n} }}${b}`).join('');
        const expected = pieces.map(([a, , b]) => `${a}${value}${b}`).join('');
        return substitute(text, variables, 'body') === expected;
      }),
    );
  });
});

describe('findVariables', () => {
  it('reports each reference with its position for highlighting', () => {
    const text = 'GET {{base}}/x/{{ id }}';
    const refs = findVariables(text);
    expect(refs).toEqual([
      { name: 'base', start: 4, end: 12 },
      { name: 'id', start: 15, end: 23 },
    ]);
    for (const r of refs) expect(text.slice(r.start, r.end)).toMatch(/^\{\{\s*\w+\s*\}\}$/);
  });

  it('lists the names a profile does not define', () => {
    expect(missingVariables('{{host}}/{{a}}/{{a}}/{{b}}', vars)).toEqual(['a', 'b']);
    expect(findVariables('no refs')).toEqual([]);
  });
});
