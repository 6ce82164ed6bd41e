import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * Content-Encoding undone in bounded memory: `decompressCapped` for a body held in memory (inflates
 * at most `cap` bytes, so a gzip bomb cannot take the process down), `decodeHead` for the first `cap`
 * decoded bytes of a body on disk, and `decodeToFile` to write a whole body decoded, streamed.
 * Unknown codings and corrupt data give the bytes as received (as the engine always did).
 */

/** The codings of a Content-Encoding header in the order they must be undone; null for an unknown one. */
export function codingsOf(contentEncoding: string | null): string[] | null {
  if (!contentEncoding) return [];
  const out: string[] = [];
  for (const raw of contentEncoding.toLowerCase().split(',')) {
    const c = raw.trim();
    if (!c || c === 'identity') continue;
    if (c !== 'gzip' && c !== 'x-gzip' && c !== 'br' && c !== 'deflate') return null;
    out.unshift(c);
  }
  return out;
}

function looksLikeZlib(b0: number, b1: number): boolean {
  return (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
}

/** "deflate" in the wild is zlib-wrapped or raw: look at the first two bytes, then inflate. */
class DeflateDecoder extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;
  private head: Buffer = Buffer.alloc(0);

  private started(): zlib.Inflate | zlib.InflateRaw {
    if (this.inner) return this.inner;
    const inner = looksLikeZlib(this.head[0], this.head[1] ?? 0)
      ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    inner.on('data', (d: Buffer) => this.push(d));
    inner.on('error', (e) => this.destroy(e));
    this.inner = inner;
    return inner;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let input = chunk;
    if (!this.inner) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2) {
        done();
        return;
      }
      input = this.head;
    }
    const inner = this.started();
    if (inner.write(input)) done();
    else inner.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner && this.head.length === 0) {
      done();
      return;
    }
    const fresh = !this.inner;
    const inner = this.started();
    if (fresh) inner.write(this.head);
    inner.once('end', () => done());
    inner.end();
  }
}

function decoderFor(coding: string): Transform {
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === 'deflate') return new DeflateDecoder();
  return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** The streams that undo `codings` (in order), or [] for identity. */
export function decoders(codings: string[]): Transform[] {
  return codings.map(decoderFor);
}

function syncDecode(coding: string, input: Buffer, maxOutputLength: number): Buffer {
  if (coding === 'br') return zlib.brotliDecompressSync(input, { maxOutputLength });
  if (coding === 'deflate') {
    return looksLikeZlib(input[0], input[1] ?? 0)
      ? zlib.inflateSync(input, { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : zlib.inflateRawSync(input, { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  }
  return zlib.gunzipSync(input, { maxOutputLength, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

export interface Decoded {
  bytes: Buffer;
  /** More decoded bytes existed than `cap`; `bytes` holds the first `cap`. */
  truncated: boolean;
}

/**
 * Undoes Content-Encoding on a body in memory, never producing more than `cap` bytes. A body that
 * inflates past the cap is cut at the cap (`truncated`); corrupt data or an unknown coding gives the
 * bytes as received.
 */
export async function decompressCapped(
  body: Buffer,
  contentEncoding: string | null,
  cap: number,
): Promise<Decoded> {
  const codings = codingsOf(contentEncoding);
  if (!codings || codings.length === 0 || body.length === 0) return cut(body, cap);
  let out = body;
  try {
    for (const c of codings) out = syncDecode(c, out, cap + 1);
    return cut(out, cap);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return cut(body, cap);
  }
  // Past the cap: stream it and keep the first `cap` bytes.
  return decodeHead(bufferSource(body), codings, cap).catch(() => cut(body, cap));
}

function cut(bytes: Buffer, cap: number): Decoded {
  return bytes.length > cap
    ? { bytes: bytes.subarray(0, cap), truncated: true }
    : { bytes, truncated: false };
}

function bufferSource(b: Buffer): () => Readable {
  return () => Readable.from([b]);
}

/**
 * The first `cap` decoded bytes of a body, read from `source` and undone through `codings`;
 * stops reading (and inflating) once it has them.
 */
export async function decodeHead(source: () => Readable, codings: string[], cap: number): Promise<Decoded> {
  const input = source();
  const chain = decoders(codings);
  let tail: Readable = input;
  for (const d of chain) tail = tail.pipe(d);
  const all = [input, ...chain];
  const onError = new Promise<never>((_, reject) => {
    for (const s of all) s.on('error', reject);
  });
  onError.catch(() => undefined);
  const chunks: Buffer[] = [];
  let kept = 0;
  let truncated = false;
  const reading = (async () => {
    for await (const chunk of tail as AsyncIterable<Buffer>) {
      if (kept + chunk.length > cap) {
        chunks.push(chunk.subarray(0, cap - kept));
        kept = cap;
        truncated = true;
        break;
      }
      chunks.push(chunk);
      kept += chunk.length;
    }
  })();
  try {
    await Promise.race([reading, onError]);
  } finally {
    for (const s of all) s.destroy();
  }
  return { bytes: Buffer.concat(chunks, kept), truncated };
}

/** Writes the body in `from` to `to`, decoded through `codings` (replacing `to` only when complete). Returns the bytes written. */
export async function decodeToFile(from: string, codings: string[], to: string): Promise<number> {
  const part = `${to}.part-${process.pid}-${Date.now().toString(36)}`;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline([createReadStream(from), ...decoders(codings), counter, createWriteStream(part)]);
    await rename(part, to);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
  return bytes;
}
