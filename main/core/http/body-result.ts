import { createReadStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { TandemFailure } from '../../shared/errors';
import type { BodyTruncation, SavedBody } from '../../shared/limits';
import { codingsOf, decodeHead, decodeToFile, decompressCapped } from './decode';
import { type HopResult, truncatedAt } from './exchange';
import { decodeBody } from './response';
import type { Spool } from './spool';

/**
 * The last hop's body turned into what a ResponseRecord carries: decoded text (or base64) of at most
 * `keepBytes` bytes, a truncation note past that (the full body kept in the spool when there is
 * one), or, with `output`, the whole decoded body written to that file (with `rawOutput`, the
 * bytes as they came on the wire, still content-encoded).
 */

export interface FinishedBody {
  body: string;
  bodyEncoding: 'utf8' | 'base64';
  size: number;
  truncated?: BodyTruncation;
  savedTo?: SavedBody;
}

interface Options {
  id: string;
  contentType: string | null;
  contentEncoding: string | null;
  keepBytes: number;
  spool: Spool | null;
  output: string | null;
  /** With `output`: write the body as received (gzip/br/deflate not undone), as curl -o without --compressed. */
  rawOutput?: boolean;
}

/** A body held whole: its text (or base64) and its size. */
function whole(bytes: Buffer, contentType: string | null): FinishedBody {
  const { body, bodyEncoding } = decodeBody(bytes, contentType);
  return { body, bodyEncoding, size: bytes.length };
}

/** The common case without waiting: a whole, unencoded body held in memory. Null otherwise. */
export function plainBody(r: HopResult, o: Options): FinishedBody | null {
  if (o.output || r.file || r.dropped || r.body.length > o.keepBytes) return null;
  const enc = o.contentEncoding;
  if (enc && r.body.length > 0 && enc.trim().toLowerCase() !== 'identity') return null;
  return whole(r.body, o.contentType);
}

export async function finishBody(r: HopResult, o: Options): Promise<FinishedBody> {
  const codings = codingsOf(o.contentEncoding) ?? [];
  if (o.output) {
    const savedTo = o.rawOutput
      ? {
          ...(await toOutput(r, [], o.output)),
          ...(codings.length ? { contentEncoding: codings.join(', ') } : {}),
        }
      : await toOutput(r, codings, o.output);
    return { body: '', bodyEncoding: 'utf8', size: savedTo.bytes, savedTo };
  }

  if (r.file) {
    // The body passed the cap on the wire and is on disk: show its head, keep it for saveBody.
    const file = r.file;
    const head = await decodeHead(() => createReadStream(file), codings, o.keepBytes).catch(() =>
      decodeHead(() => createReadStream(file), [], o.keepBytes),
    );
    if (!head.truncated) {
      await rm(file, { force: true });
      return whole(head.bytes, o.contentType);
    }
    o.spool?.register(o.id, file, codings);
    return truncatedRecord(head.bytes, codings.length === 0 ? r.rawBytes : null, o, Boolean(o.spool));
  }

  const decoded = await decompressCapped(r.body, o.contentEncoding, o.keepBytes);
  if (r.dropped) return truncatedRecord(decoded.bytes, codings.length === 0 ? r.rawBytes : null, o, false);
  if (!decoded.truncated) return whole(decoded.bytes, o.contentType);
  // Small on the wire, too big inflated (a compression bomb): keep the raw bytes for saveBody.
  let spooled = false;
  if (o.spool) {
    const file = o.spool.fileFor(o.id);
    await writeFile(file, r.body, { mode: 0o600 });
    o.spool.register(o.id, file, codings);
    spooled = true;
  }
  return truncatedRecord(decoded.bytes, null, o, spooled);
}

function truncatedRecord(
  kept: Buffer,
  totalBytes: number | null,
  o: Options,
  spooled: boolean,
): FinishedBody {
  return {
    ...decodeBody(kept, o.contentType),
    size: totalBytes ?? kept.length,
    truncated: {
      keptBytes: kept.length,
      totalBytes,
      limitBytes: o.keepBytes,
      spooled,
      message: truncatedAt(o.keepBytes),
    },
  };
}

/** Moves (identity) or decodes the hop's part file into `output`. */
async function toOutput(r: HopResult, codings: string[], output: string): Promise<SavedBody> {
  const part = r.file;
  try {
    if (!part) {
      // An empty body never opened the file.
      await writeFile(output, r.body);
      return { path: output, bytes: r.body.length };
    }
    if (codings.length === 0) {
      await rename(part, output);
      return { path: output, bytes: r.rawBytes };
    }
    try {
      return { path: output, bytes: await decodeToFile(part, codings, output) };
    } catch {
      // Corrupt compressed data: the bytes as received, as for a body in memory.
      await rename(part, output);
      return { path: output, bytes: r.rawBytes };
    }
  } catch (e) {
    throw new TandemFailure(
      'INVALID_FILE',
      `Could not write ${output}: ${e instanceof Error ? e.message : e}`,
    );
  } finally {
    if (part) await rm(part, { force: true });
  }
}
