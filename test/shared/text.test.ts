import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countOf, utf8Length } from '../../main/shared/text';

describe('utf8Length: the bytes a cookie or header takes on the wire', () => {
  it('counts ASCII, accented, CJK and emoji text as TextEncoder does', () => {
    for (const s of ['', 'sid=abc', 'café', '東京', 'a😀b', '\u0000\u007f\u0080\u07ff\u0800\uffff'])
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });

  it('counts a lone surrogate as the replacement character TextEncoder writes for it', () => {
    for (const s of ['\ud800', 'x\udc00y', '\ud83d', '\ud83d\ud83d\ude00'])
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
  });

  it('agrees with TextEncoder on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('countOf', () => {
  it('says "1 request" and "2 requests", never "request(s)"', () => {
    expect(countOf(1, 'request')).toBe('1 request');
    expect(countOf(2, 'cookie')).toBe('2 cookies');
    expect(countOf(0, 'variable')).toBe('0 variables');
  });
});
