import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_BODY_CAP, keptResponse } from '../../../main/core/history/keep';
import { type BridgedCore, startBridgedCore } from '../../support/core';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/** History keeps each response (body capped, marked truncated) so opening an entry shows it again. */
describe('history keeps responses', () => {
  let server: LoopbackServer;
  let tc: BridgedCore;
  beforeAll(async () => {
    server = await startLoopbackServer((req, res) => {
      const big = req.url?.startsWith('/big');
      res.writeHead(200, { 'content-type': big ? 'text/plain; charset=utf-8' : 'application/json' });
      // 'é' is two bytes: the cut must not split it
      res.end(big ? 'é'.repeat(HISTORY_BODY_CAP) : '{"user":"alice"}');
    });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(async () => {
    tc = await startBridgedCore('tandem-history-keep-');
    await tc.core['profiles.create']({ name: 'alice' });
  });
  afterEach(async () => {
    await tc.close();
  });

  const send = (path: string, requestId?: string) =>
    tc.core['request.send']({
      profile: 'alice',
      request: { method: 'GET', url: `${server.url}${path}`, headers: [], body: { type: 'none' } },
      ...(requestId ? { requestId } : {}),
    });

  it('lists entries without their response, and history.get gives it back whole', async () => {
    const sent = await send('/me', 'req-1');
    if (!sent.ok) throw new Error(sent.error.message);
    const list = await tc.core['history.list']({});
    const e = list.ok ? list.value[0] : null;
    expect(e).toMatchObject({ id: sent.value.id, hasResponse: true, requestId: 'req-1', status: 200 });
    expect(e?.response).toBeUndefined();
    const got = await tc.core['history.get']({ profile: 'alice', id: sent.value.id });
    expect(got.ok && got.value.response?.body).toBe('{"user":"alice"}');
    expect(got.ok && got.value.response?.truncated).toBeUndefined();
    expect(got.ok && got.value.response?.hops.length).toBe(1);
  });

  it('cuts a big body at the cap, on a character boundary, and says so', async () => {
    const sent = await send('/big');
    if (!sent.ok) throw new Error(sent.error.message);
    const got = await tc.core['history.get']({ profile: 'alice', id: sent.value.id });
    const r = got.ok ? got.value.response : undefined;
    expect(r?.truncated).toMatchObject({
      limitBytes: HISTORY_BODY_CAP,
      totalBytes: HISTORY_BODY_CAP * 2,
      spooled: false,
    });
    expect(r?.truncated?.message).toMatch(/first 64 KB/);
    expect(Buffer.byteLength(r?.body ?? '', 'utf8')).toBe(HISTORY_BODY_CAP);
    expect(r?.body.endsWith('é')).toBe(true);
    // the response the caller got was whole
    expect(sent.value.body.length).toBe(HISTORY_BODY_CAP);
  });

  it('an unknown entry is one clear error', async () => {
    const got = await tc.core['history.get']({ profile: 'alice', id: 'nope' });
    expect(got).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No history entry nope for alice' },
    });
  });

  it('cuts any text exactly where cutting the whole encoded body would, without encoding all of it', () => {
    // The reference: encode everything, step back to a character start, decode.
    const reference = (text: string, cap: number) => {
      const buf = Buffer.from(text, 'utf8');
      if (buf.length <= cap) return text;
      let end = cap;
      while (end > 0 && (buf[end] & 0xc0) === 0x80) end--;
      return buf.subarray(0, end).toString('utf8');
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (text, cap) => {
          const r = { body: text, bodyEncoding: 'utf8', size: Buffer.byteLength(text) } as Parameters<
            typeof keptResponse
          >[0];
          expect(keptResponse(r, cap).body).toBe(reference(text, cap));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keptResponse leaves a small response as it is', () => {
    const r = { body: 'hi', bodyEncoding: 'utf8', size: 2 } as Parameters<typeof keptResponse>[0];
    expect(keptResponse(r)).toEqual(r);
  });
});
