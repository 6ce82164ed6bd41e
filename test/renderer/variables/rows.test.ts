import { describe, expect, it } from 'vitest';
import {
  blankRow,
  headersFromRows,
  normalizeHex,
  rowsFromHeaders,
  rowsFromVariables,
  sameHeaders,
  variablesFromRows,
} from '../../../renderer/src/features/variables/rows';

describe('profile settings rows', () => {
  it('round-trips variables and skips the row being typed', () => {
    const rows = [...rowsFromVariables({ token: 'abc', base: 'http://x' }), blankRow()];
    expect(variablesFromRows(rows)).toEqual({ ok: true, value: { token: 'abc', base: 'http://x' } });
  });

  it('refuses a value without a name, a bad name and a repeated name', () => {
    const nameless = [{ ...blankRow(), value: 'v' }];
    expect(variablesFromRows(nameless)).toMatchObject({ ok: false, message: 'A variable needs a name' });
    expect(variablesFromRows([{ ...blankRow(), name: '{{x}}' }])).toMatchObject({ ok: false });
    const twice = rowsFromVariables({ a: '1' });
    twice.push({ ...blankRow(), name: 'a', value: '2' });
    expect(variablesFromRows(twice)).toMatchObject({ ok: false, rowId: twice[1].id });
  });

  it('keeps header order, repeats and switched-off rows', () => {
    const headers = [
      { name: 'X-A', value: '1' },
      { name: 'X-A', value: '2', enabled: false },
    ];
    const back = headersFromRows(rowsFromHeaders(headers));
    expect(back).toEqual({
      ok: true,
      value: [
        { name: 'X-A', value: '1', enabled: true },
        { name: 'X-A', value: '2', enabled: false },
      ],
    });
    if (back.ok) expect(sameHeaders(back.value, headers)).toBe(true);
    expect(headersFromRows([{ ...blankRow(), name: 'Bad Header' }])).toMatchObject({ ok: false });
  });

  it('reads hex colours with or without #', () => {
    expect(normalizeHex('12A594')).toBe('#12a594');
    expect(normalizeHex('#abc')).toBe('#abc');
    expect(normalizeHex('teal')).toBeNull();
  });
});
