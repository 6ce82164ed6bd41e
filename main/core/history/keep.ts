import type { HistoryEntry, ResponseRecord } from '../../shared/types';

/**
 * What history keeps of a response, so opening an entry shows it again: everything but a body
 * longer than HISTORY_BODY_CAP, which is cut there and marked `truncated` (the response pane says
 * so). Entries are listed without their response (`hasResponse` says one is kept); `history.get`
 * returns an entry with it.
 */

/** Body bytes kept per history entry. */
export const HISTORY_BODY_CAP = 64 * 1024;

/** Cuts a string so its UTF-8 form is at most `max` bytes, never inside a character. */
function cutUtf8(text: string, max: number): string {
  // Only the head is encoded: `max` UTF-16 units take at least `max` bytes, so the cut is in
  // there (a body of 50 MB is not copied to keep 64 KB). A pair split at the end of the head
  // encodes as a 3-byte U+FFFD that never fits, so it is never kept.
  const head = text.slice(0, max);
  const buf = Buffer.from(head, 'utf8');
  if (buf.length <= max) return head;
  let end = max;
  while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}

export function keptResponse(r: ResponseRecord, cap = HISTORY_BODY_CAP): ResponseRecord {
  const bytes =
    r.bodyEncoding === 'base64' ? Math.floor((r.body.length * 3) / 4) : Buffer.byteLength(r.body, 'utf8');
  const { savedTo: _file, ...rest } = r;
  if (bytes <= cap) return rest;
  const body = r.bodyEncoding === 'base64' ? r.body.slice(0, Math.floor(cap / 3) * 4) : cutUtf8(r.body, cap);
  const keptBytes =
    r.bodyEncoding === 'base64' ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body, 'utf8');
  return {
    ...rest,
    body,
    truncated: {
      keptBytes,
      totalBytes: r.truncated?.totalBytes ?? r.size,
      limitBytes: cap,
      spooled: false,
      message: `History keeps the first ${Math.round(cap / 1024)} KB of each body`,
    },
  };
}

/** An entry as `history.list` returns it: without its response, saying whether one is kept. */
export function listed(e: HistoryEntry): HistoryEntry {
  if (!e.response) return e;
  const { response: _r, ...rest } = e;
  return { ...rest, hasResponse: true };
}
