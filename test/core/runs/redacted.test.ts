import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED } from '../../../main/shared/redaction';
import type { Collection } from '../../../main/shared/types';
import { type BridgedCore, startBridgedCore } from '../../support/core';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';

/** History's [redacted] placeholders are never sent: a run, the matrix, one send or a comparison refuses before the first request. */
describe('redacted values are never sent', () => {
  let server: LoopbackServer;
  let tc: BridgedCore;
  let hits = 0;
  beforeEach(async () => {
    hits = 0;
    server = await startLoopbackServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    tc = await startBridgedCore('tandem-run-redacted-');
    const made = await tc.core['profiles.create']({ name: 'alice', color: '#7c5cff' });
    expect(made.ok).toBe(true);
  });
  afterEach(async () => {
    await tc.close();
    await server.close();
  });

  const collection = (token: string): Collection => ({
    id: 'c',
    name: 'From history',
    folders: [],
    requests: [
      {
        id: 'a',
        name: 'Home',
        folder: '',
        request: { method: 'GET', url: `${server.url}/`, headers: [], body: { type: 'none' } },
      },
      {
        id: 'b',
        name: 'Me',
        folder: '',
        request: {
          method: 'GET',
          url: `${server.url}/me`,
          headers: [],
          body: { type: 'none' },
          auth: { type: 'bearer', token },
        },
      },
    ],
  });

  it('refuses in one line naming the request and the value, and sends nothing (not even the requests before it)', async () => {
    const res = await tc.core['collections.run']({ collection: collection(REDACTED), profiles: ['alice'] });
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'INVALID_ARGUMENT',
        message:
          '"Me": 1 value was redacted in history: token (auth) — fill it in or use a variable before sending',
      },
    });
    expect(hits).toBe(0);
    const ok = await tc.core['collections.run']({ collection: collection('tok-1'), profiles: ['alice'] });
    expect(ok.ok).toBe(true);
    expect(hits).toBe(2);
  });

  it('the access matrix refuses the same way before any cell is sent', async () => {
    const made = await tc.core['collections.create']({ name: 'Saved from history' });
    if (!made.ok) throw new Error(made.error.message);
    for (const r of collection(REDACTED).requests) {
      const saved = await tc.core['collections.saveRequest']({
        collectionId: made.value.id,
        request: { name: r.name, folder: '', request: r.request },
      });
      expect(saved.ok).toBe(true);
    }
    const res = await tc.core['matrix.run']({
      collectionId: made.value.id,
      profiles: ['alice'],
      jars: 'copy',
    });
    expect(res.ok ? null : res.error).toEqual({
      code: 'INVALID_ARGUMENT',
      message:
        '"Me": 1 value was redacted in history: token (auth) — fill it in or use a variable before sending',
    });
    expect(hits).toBe(0);
  });

  // One send and one comparison refuse the same way in the core, whichever host asks.
  const fromHistory = () => ({
    method: 'GET',
    url: `${server.url}/me?session_id=%5Bredacted%5D`,
    headers: [],
    body: { type: 'none' as const },
  });
  const NOTICE =
    '1 value was redacted in history: session_id (query) — fill it in or use a variable before sending';

  it('a send is refused in one line, nothing reaches the server, and nothing is added to history', async () => {
    const res = await tc.core['request.send']({ profile: 'alice', request: fromHistory() });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: NOTICE } });
    expect(hits).toBe(0);
    const history = await tc.core['history.list']({ profile: 'alice' });
    expect(history.ok && history.value.length).toBe(0);
  });

  it('a comparison is refused the same way before any profile sends', async () => {
    expect((await tc.core['profiles.create']({ name: 'bob', color: '#7c5cff' })).ok).toBe(true);
    const res = await tc.core['request.compare']({ profiles: ['alice', 'bob'], request: fromHistory() });
    expect(res).toEqual({ ok: false, error: { code: 'INVALID_ARGUMENT', message: NOTICE } });
    expect(hits).toBe(0);
  });

  it('the same request with the value filled in is sent', async () => {
    const res = await tc.core['request.send']({
      profile: 'alice',
      request: { ...fromHistory(), url: `${server.url}/me?session_id=s3cr3t` },
    });
    expect(res.ok && res.value.status).toBe(200);
    expect(hits).toBe(1);
  });
});
