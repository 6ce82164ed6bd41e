/** Live validation of a JSON body. {{variables}} are allowed where a value goes. Pure. */

export type JsonCheck = { ok: true } | { ok: false; message: string };

const VAR = /\{\{\s*[A-Za-z0-9_.$-]+\s*\}\}/g;

function insideString(text: string, offset: number): boolean {
  let inside = false;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\\' && inside) i++;
    else if (c === '"') inside = !inside;
  }
  return inside;
}

export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true };
  // A bare {{var}} stands for a value: probe it as 0 (same length, so positions stay right).
  const probe = text.replace(VAR, (m: string, offset: number) =>
    insideString(text, offset) ? m : '0'.padEnd(m.length, ' '),
  );
  try {
    JSON.parse(probe);
    return { ok: true };
  } catch (e) {
    return { ok: false, message: describe((e as Error).message, probe) };
  }
}

/** Turns engine-specific messages into "Invalid JSON at line L, column C: …" when a position is known. */
function describe(message: string, text: string): string {
  const pos = message.match(/position (\d+)/);
  const clean = message
    .replace(/^JSON\.parse: /, '')
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/ \(line \d+ column \d+\)$/, '');
  if (pos) {
    const upto = text.slice(0, Number(pos[1]));
    const line = upto.split('\n').length;
    const col = upto.length - upto.lastIndexOf('\n');
    return `Invalid JSON at line ${line}, column ${col}: ${clean}`;
  }
  return `Invalid JSON: ${clean}`;
}
