import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoFormatter } from '../../../main/core/cookies/iso';

describe('isoFormatter: cookie and response times read exactly as Date.toISOString', () => {
  it('property: any time, in any order, formats as toISOString does', () => {
    const format = isoFormatter();
    const near = Date.now();
    const time = fc.oneof(
      fc.integer({ min: near - 5000, max: near + 5000 }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.integer({ min: -2000, max: 2000 }),
      fc.double({ min: -1e13, max: 1e13, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(time, { minLength: 1, maxLength: 20 }), (times) => {
        for (const ms of times)
          expect({ ms, iso: format(ms) }).toEqual({ ms, iso: new Date(ms).toISOString() });
      }),
      { numRuns: 500 },
    );
  });

  it('throws RangeError for an invalid time, as toISOString does', () => {
    const format = isoFormatter();
    expect(() => format(Number.NaN)).toThrow(RangeError);
    expect(() => format(8.64e15 + 1)).toThrow(RangeError);
  });
});
