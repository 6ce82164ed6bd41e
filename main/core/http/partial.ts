import type { PartialResponse } from '../../shared/limits';

/**
 * What a response had shown before it broke HTTP. undici parses the socket's bytes and, on a bad
 * byte, only says "Invalid header value char"; to name the header and the byte and to show the
 * status line and headers read so far, every connection keeps the bytes of the response head it is
 * reading (`tapSocket`, a passive 'data' listener: undici reads the socket in 'readable' mode, so
 * listening changes nothing), and `readPartial` parses them when the parser fails.
 *
 * The tap is cheap on the hot path: it records only while armed — from the moment a request goes
 * out on the socket (`armTap`) until its response head is parsed (`holdTap`) — and keeps references
 * to the chunks undici already has, never copies. Body bytes are not recorded; the head's chunks
 * stay (for an error later in the body) until the socket's next request re-arms it.
 */

const TAP_BYTES = 256 * 1024;

interface Tap {
  chunks: Buffer[];
  bytes: number;
  /** Recording: a request went out and its response head is not parsed yet. */
  armed: boolean;
}

const taps = new WeakMap<object, Tap>();

/** Lets `socket` keep the bytes of its response heads (recorded while armed). */
export function tapSocket(socket: NodeJS.EventEmitter & object): void {
  if (taps.has(socket)) return;
  const tap: Tap = { chunks: [], bytes: 0, armed: false };
  taps.set(socket, tap);
  socket.on('data', (chunk: Buffer) => {
    if (!tap.armed) return;
    tap.chunks.push(chunk);
    tap.bytes += chunk.length;
    while (tap.bytes - tap.chunks[0].length >= TAP_BYTES) tap.bytes -= (tap.chunks.shift() as Buffer).length;
  });
}

/** A request just went out on `socket`: forget the previous response and record the next head. */
export function armTap(socket: object): void {
  const tap = taps.get(socket);
  if (!tap) return;
  if (tap.bytes > 0) {
    tap.chunks = [];
    tap.bytes = 0;
  }
  tap.armed = true;
}

/** The response head on `socket` was parsed: stop recording (what was read stays until re-armed). */
export function holdTap(socket: object | null): void {
  const tap = socket ? taps.get(socket) : undefined;
  if (tap) tap.armed = false;
}

/** The last bytes read from a tapped socket (empty when it was not tapped). */
export function tappedBytes(socket: object | null | undefined): Buffer {
  const tap = socket ? taps.get(socket) : undefined;
  return tap ? Buffer.concat(tap.chunks) : Buffer.alloc(0);
}

export interface BadByte {
  /** The header whose line holds the bad byte ('' when it is in the status line). */
  header: string;
  byte: number;
}

export interface ParsedPartial {
  partial: PartialResponse;
  bad: BadByte | null;
}

const NAMES: Record<number, string> = { 0: 'NUL', 9: 'TAB', 10: 'LF', 13: 'CR', 127: 'DEL' };

/** "0x00 (NUL)", "0x0d (CR)", "0x1b": a byte for a one-line message. */
export function describeByte(b: number): string {
  const hex = `0x${b.toString(16).padStart(2, '0')}`;
  return NAMES[b] ? `${hex} (${NAMES[b]})` : hex;
}

/** A header value made printable: control bytes as \xNN, long values cut. */
function printable(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    out += b < 0x20 || b === 0x7f ? `\\x${b.toString(16).padStart(2, '0')}` : String.fromCharCode(b);
    if (out.length > 2048) return `${out.slice(0, 2048)}…`;
  }
  return out;
}

function isBad(data: Buffer, i: number): boolean {
  const b = data[i];
  if (b === 0x09) return false;
  if (b === 0x0d) return data[i + 1] !== 0x0a && i + 1 < data.length;
  if (b === 0x0a) return data[i - 1] !== 0x0d;
  return b < 0x20 || b === 0x7f;
}

/**
 * Parses the start of the last response in `data` (the bytes a connection received): its status line
 * and header lines as far as they go, and the first byte HTTP forbids in them (NUL, a bare CR, other
 * control characters). The header holding the bad byte is shown with the byte escaped.
 */
export function readPartial(data: Buffer): ParsedPartial {
  let start = data.lastIndexOf('HTTP/1.');
  while (start > 0 && data[start - 1] !== 0x0a) start = data.lastIndexOf('HTTP/1.', start - 1);
  if (start < 0) return { partial: { statusLine: '', headers: [] }, bad: null };
  const lines: Buffer[] = [];
  let bad: { line: number; byte: number } | null = null;
  let lineStart = start;
  for (let i = start; i < data.length; i++) {
    if (bad === null && isBad(data, i)) bad = { line: lines.length, byte: data[i] };
    if (data[i] === 0x0a && data[i - 1] === 0x0d) {
      const line = data.subarray(lineStart, i - 1);
      if (line.length === 0) break;
      lines.push(line);
      lineStart = i + 1;
      if (bad !== null) break;
    } else if (i === data.length - 1) lines.push(data.subarray(lineStart));
  }
  const statusLine = lines.length > 0 ? printable(lines[0]) : '';
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(0x3a);
    if (colon <= 0) headers.push([printable(line), '']);
    else
      headers.push([
        line.subarray(0, colon).toString('latin1').trim(),
        printable(line.subarray(colon + 1)).trim(),
      ]);
  }
  return {
    partial: { statusLine, headers },
    bad: bad && { header: bad.line === 0 ? '' : (headers[bad.line - 1]?.[0] ?? ''), byte: bad.byte },
  };
}
