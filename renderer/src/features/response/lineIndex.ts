/**
 * Lines of a large body, for a view that shows only what is visible. Built in a worker
 * (largeBody.worker.ts) from the body text without copying it: each line is a slice of the text
 * (start, end) and, for pretty JSON, its depth. `lineAt` makes one line's text on demand.
 *
 * Pretty JSON is laid out as JSON.stringify(value, null, 2) would (break after `{`, `[` and `,`,
 * before `}` and `]`, `": "` after a key; `{}` and `[]` stay whole), by a scanner that never
 * builds the value, so it starts showing lines before it has read the whole text. Text that is
 * not JSON, and Raw, is split at line breaks and every `WRAP` characters. Pure: no DOM, no Node.
 */

/** Longest line made: a longer slice is shown in pieces of this many characters. */
export const WRAP = 2000;

export class LineIndex {
  count = 0;
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  depths = new Uint16Array(1024);

  push(start: number, end: number, depth: number): void {
    if (this.count === this.starts.length) {
      const grow = <T extends Int32Array | Uint16Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.depths = grow(this.depths);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.depths[this.count] = depth;
    this.count++;
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === SPACE || c === LF || c === CR || c === TAB;

/** Is `text` JSON we should lay out (starts with `{` or `[` after blanks)? */
export function looksLikeJsonText(text: string): boolean {
  for (let i = 0; i < text.length && i < 1024; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    return c === OPEN_BRACE || c === OPEN_BRACKET;
  }
  return false;
}

/**
 * The text being indexed: all of it at once, or growing while it downloads (`more` is true until
 * the last part has been added; `text()` is always the whole text so far).
 */
export interface TextSource {
  text(): string;
  more(): boolean;
}

export const wholeText = (text: string): TextSource => ({ text: () => text, more: () => false });

/** One call indexes one slice; true once everything is indexed. `position()`: characters read so far. */
export type Indexer = (() => boolean) & { position(): number };

/**
 * Indexes pretty JSON lines of the source, `budget` characters per call: returns a function that
 * goes on where it stopped and returns true once the whole text is indexed. While the source
 * still grows it indexes what has arrived and waits (returns false) for the rest.
 */
export function prettyJsonIndexer(src: TextSource | string, index: LineIndex, budget = 1 << 20): Indexer {
  const source = typeof src === 'string' ? wholeText(src) : src;
  let i = 0;
  let depth = 0;
  let lineStart = -1; // first character of the current line, -1 when none yet
  let inString = false;
  let escaped = false;
  const endLine = (end: number) => {
    if (lineStart >= 0) {
      // Long lines (a huge string value) are cut into WRAP-sized pieces at the same depth.
      for (let s = lineStart; s < end; s += WRAP) index.push(s, Math.min(end, s + WRAP), depth);
    }
    lineStart = -1;
  };
  const step = () => {
    const text = source.text();
    const more = source.more();
    const n = text.length;
    const stop = Math.min(n, i + budget);
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (isSpace(c)) continue;
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        endLine(i);
        if (depth > 0) depth--;
        lineStart = i;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        // `{}` / `[]` stay on one line.
        let j = i + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (j >= n && more) break; // what follows has not arrived yet: look again later
        if (lineStart < 0) lineStart = i;
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (j < n && text.charCodeAt(j) === close) {
          i = j;
          continue;
        }
        endLine(i + 1);
        depth++;
        continue;
      }
      if (lineStart < 0) lineStart = i;
      if (c === QUOTE) inString = true;
      else if (c === COMMA) endLine(i + 1);
    }
    if (i >= n && !more) {
      endLine(n);
      return true;
    }
    return false;
  };
  return Object.assign(step, { position: () => i });
}

/** Indexes the source as plain lines (split at line breaks, and every WRAP characters), `budget` per call. */
export function plainIndexer(src: TextSource | string, index: LineIndex, budget = 1 << 22): Indexer {
  const source = typeof src === 'string' ? wholeText(src) : src;
  let start = 0;
  const step = () => {
    const text = source.text();
    const more = source.more();
    const n = text.length;
    const stop = Math.min(n, start + budget);
    while (start < stop) {
      let nl = text.indexOf('\n', start);
      if (nl < 0 || nl > start + WRAP) {
        // No line break within WRAP characters: a piece of WRAP, unless the rest has not arrived.
        if (more && start + WRAP > n) break;
        nl = Math.min(n, start + WRAP);
      }
      let end = nl;
      if (end > start && text.charCodeAt(end - 1) === CR) end--;
      index.push(start, end, 0);
      start = nl < n && text.charCodeAt(nl) === LF ? nl + 1 : nl;
    }
    if (start >= n && !more) {
      if (n === 0 || text.charCodeAt(n - 1) === LF) index.push(n, n, 0);
      return true;
    }
    return false;
  };
  return Object.assign(step, { position: () => start });
}

/** The text of line `i`: for pretty JSON, indented by its depth with blanks outside strings dropped and `": "` after keys. */
export function lineAt(text: string, index: LineIndex, i: number, pretty: boolean): string {
  const start = index.starts[i] as number;
  const end = index.ends[i] as number;
  if (!pretty) return text.slice(start, end);
  let out = '  '.repeat(index.depths[i] as number);
  // Within a line: copy strings as they are, drop blanks outside them, space after a colon.
  let runStart = start;
  let inString = false;
  let escaped = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (isSpace(c)) {
      out += text.slice(runStart, k);
      runStart = k + 1;
    } else if (c === COLON) {
      out += `${text.slice(runStart, k)}: `;
      runStart = k + 1;
      while (runStart < end && isSpace(text.charCodeAt(runStart))) runStart++;
      k = runStart - 1;
    }
  }
  return out + text.slice(runStart, end);
}
