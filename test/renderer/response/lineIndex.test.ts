import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LineIndex,
  lineAt,
  looksLikeJsonText,
  plainIndexer,
  prettyJsonIndexer,
  type TextSource,
  WRAP,
} from '../../../renderer/src/features/response/lineIndex';

// The large-body view shows lines it makes from slices of the body text. Its pretty JSON must be
// exactly what JSON.stringify(value, null, 2) gives, whatever the input's own layout.

function pretty(text: string, budget?: number): string[] {
  const index = new LineIndex();
  const step = prettyJsonIndexer(text, index, budget);
  while (!step()) {
    // more
  }
  return Array.from({ length: index.count }, (_, i) => lineAt(text, index, i, true));
}

function plain(text: string, budget?: number): string[] {
  const index = new LineIndex();
  const step = plainIndexer(text, index, budget);
  while (!step()) {
    // more
  }
  return Array.from({ length: index.count }, (_, i) => lineAt(text, index, i, false));
}

describe('pretty JSON lines', () => {
  it('match JSON.stringify(value, null, 2) for compact and already-indented input', () => {
    const value = {
      tag: 'x:body',
      items: [1, 2.5, -3e5, true, false, null, [], {}, [[]], { a: { b: [] } }],
      text: 'with "quotes", {braces}, [brackets], commas, colons: and \\ backslashes \u00e9 ✓',
      empty: '',
    };
    const expected = JSON.stringify(value, null, 2).split('\n');
    expect(pretty(JSON.stringify(value))).toEqual(expected);
    expect(pretty(JSON.stringify(value, null, 4))).toEqual(expected);
    expect(pretty(JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n'))).toEqual(expected);
  });

  it('are the same when the text is indexed a few characters at a time', () => {
    const text = JSON.stringify([
      { id: 1, name: 'a, "b" {c}' },
      { id: 2, tags: ['x', 'y'], o: {} },
    ]);
    expect(pretty(text, 3)).toEqual(pretty(text));
    expect(pretty(text, 1)).toEqual(JSON.stringify(JSON.parse(text), null, 2).split('\n'));
  });

  it('hold for any JSON value (property test)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 1, max: 64 }), (value, budget) => {
        const text = JSON.stringify(value);
        if (!looksLikeJsonText(text)) return;
        expect(pretty(text, budget)).toEqual(JSON.stringify(value, null, 2).split('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('cut a huge string value into pieces instead of one endless line', () => {
    const long = 'x'.repeat(WRAP * 2 + 10);
    const lines = pretty(JSON.stringify({ long }));
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((l) => l.length <= WRAP + 10)).toBe(true);
    expect(lines.join('').replace(/\s/g, '')).toBe(JSON.stringify({ long }).replace(':', ':'));
  });
});

/** Indexes `text` as it would arrive in parts of the given sizes, indexing after each part. */
function arriving(text: string, parts: number[], kind: 'pretty' | 'plain'): string[] {
  let have = '';
  let done = false;
  const source: TextSource = { text: () => have, more: () => !done };
  const index = new LineIndex();
  const step = kind === 'pretty' ? prettyJsonIndexer(source, index, 7) : plainIndexer(source, index, 7);
  let at = 0;
  for (const size of parts) {
    have += text.slice(at, at + size);
    at += size;
    // Index what has arrived, in slices, until the indexer waits for more.
    for (let k = 0; k < 1000 && !step(); k++) {
      // next slice
    }
  }
  have += text.slice(at);
  done = true;
  while (!step()) {
    // the rest
  }
  return Array.from({ length: index.count }, (_, i) => lineAt(have, index, i, kind === 'pretty'));
}

describe('a body indexed while it downloads', () => {
  it('gives the same lines as the whole text, wherever the parts are cut (property test)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
        (value, parts) => {
          const text = JSON.stringify(value, null, Math.random() < 0.5 ? undefined : 1);
          if (!looksLikeJsonText(text)) return;
          expect(arriving(text, parts, 'pretty')).toEqual(pretty(text));
          expect(arriving(text, parts, 'plain')).toEqual(plain(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('cuts a long line at the same places when it arrives in parts', () => {
    const text = `${'y'.repeat(WRAP * 2 + 5)}\nend`;
    expect(arriving(text, [1500, 1500, 1000], 'plain')).toEqual(plain(text));
  });
});

describe('plain lines', () => {
  it('split at line breaks (LF and CRLF) and keep a trailing empty line', () => {
    expect(plain('a\nbb\r\nccc\n')).toEqual(['a', 'bb', 'ccc', '']);
    expect(plain('one line')).toEqual(['one line']);
    expect(plain('')).toEqual(['']);
  });

  it('wrap a line longer than WRAP characters, losing nothing', () => {
    const text = `${'y'.repeat(WRAP * 2 + 5)}\nend`;
    const lines = plain(text, 100);
    expect(lines.map((l) => l.length)).toEqual([WRAP, WRAP, 5, 3]);
    expect(lines.join('')).toBe(text.replace('\n', ''));
  });

  it('knows JSON from other text by its first character', () => {
    expect(looksLikeJsonText('  \n[1]')).toBe(true);
    expect(looksLikeJsonText('{"a":1}')).toBe(true);
    expect(looksLikeJsonText('<html>')).toBe(false);
    expect(looksLikeJsonText('"just a string"')).toBe(false);
  });
});
