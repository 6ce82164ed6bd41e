import { describe, expect, it } from 'vitest';
import { parseJsonCookies, parseNetscape } from '../../../main/core/cookies/transfer';
import { TandemFailure } from '../../../main/shared/errors';

/** cookies.txt import: one precise message per field, the UTF-8 BOM accepted, INVALID_FILE (exit 2). */

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TandemFailure);
    expect((e as TandemFailure).code).toBe('INVALID_FILE');
    return (e as Error).message;
  }
  throw new Error('expected a failure');
}

const line = (
  f: Partial<Record<'domain' | 'sub' | 'path' | 'secure' | 'expiry' | 'name' | 'value', string>>,
) =>
  [
    f.domain ?? 'localhost',
    f.sub ?? 'FALSE',
    f.path ?? '/',
    f.secure ?? 'FALSE',
    f.expiry ?? '0',
    f.name ?? 'a',
    f.value ?? 'b',
  ].join('\t');

describe('cookies.txt fields', () => {
  it('says which field is wrong and why, for each field', () => {
    const text = (l: string) => `# Netscape HTTP Cookie File\n\n${l}\n`;
    expect(message(() => parseNetscape(text(line({ expiry: '10000000000000' }))))).toBe(
      'cookies.txt line 3: expiry 10000000000000 is out of range (0 to 8640000000000 seconds since 1970)',
    );
    expect(message(() => parseNetscape(text(line({ expiry: '-5' }))))).toBe(
      'cookies.txt line 3: expiry -5 is out of range (0 to 8640000000000 seconds since 1970)',
    );
    expect(message(() => parseNetscape(text(line({ expiry: '1.5e9' }))))).toBe(
      'cookies.txt line 3: expiry "1.5e9" must be whole seconds since 1970 (0 for a session cookie)',
    );
    expect(message(() => parseNetscape(text(line({ domain: '' }))))).toBe(
      'cookies.txt line 3: the domain (first field) is empty',
    );
    expect(message(() => parseNetscape(text(line({ domain: 'exa mple.com' }))))).toBe(
      'cookies.txt line 3: the domain "exa mple.com" is not a host name',
    );
    expect(message(() => parseNetscape(text(line({ sub: 'yes' }))))).toBe(
      'cookies.txt line 3: the second field (include subdomains) must be TRUE or FALSE, not "yes"',
    );
    expect(message(() => parseNetscape(text(line({ path: 'api' }))))).toBe(
      'cookies.txt line 3: the path "api" must start with /',
    );
    expect(message(() => parseNetscape(text(line({ secure: '1' }))))).toBe(
      'cookies.txt line 3: the fourth field (secure) must be TRUE or FALSE, not "1"',
    );
    expect(message(() => parseNetscape(text(line({ name: '' }))))).toBe(
      'cookies.txt line 3: the cookie name (sixth field) is empty',
    );
  });

  it('accepts the largest expiry a date can hold', () => {
    const [c] = parseNetscape(line({ expiry: '8640000000000' }));
    expect(c.expires).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('accepts a UTF-8 byte-order mark before the first line', () => {
    const bom = '\uFEFF';
    expect(parseNetscape(`${bom}${line({ name: 'first' })}\n`).map((c) => c.name)).toEqual(['first']);
    expect(parseNetscape(`${bom}# Netscape HTTP Cookie File\n${line({})}\n`)).toHaveLength(1);
    expect(parseJsonCookies(`${bom}[{"name":"a","value":"b","domain":"localhost"}]`)).toHaveLength(1);
  });

  it('JSON: an expiry that is not a date is named, not a raw "Invalid time value"', () => {
    expect(
      message(() => parseJsonCookies('[{"name":"a","value":"b","domain":"x.test","expires":"soon"}]')),
    ).toBe('cookies.json item 1: expires "soon" is not a date');
  });
});
