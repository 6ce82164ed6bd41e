// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useCompareStore } from '../../../renderer/src/features/compare/store';
import { useHistoryStore } from '../../../renderer/src/features/history/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { type LoopbackServer, startLoopbackServer } from '../../support/loopback';
import { resetStores, startCore, type TestCore } from '../app/harness';

/** What the server saw of each request: the session id in the query and the Authorization header. */
const seen: Array<{ sessionId: string | null; auth: string | undefined }> = [];
let server: LoopbackServer;
let tc: TestCore;

beforeAll(async () => {
  server = await startLoopbackServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push({ sessionId: u.searchParams.get('session_id'), auth: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  });
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  seen.length = 0;
  resetStores('alice');
  useHistoryStore.setState({ byId: {}, ids: [], status: 'idle', error: null });
  tc = await startCore([{ name: 'alice', color: '#7c5cff' }]);
});
afterEach(async () => {
  cleanup();
  await tc.close();
});

const NOTICE =
  '2 values were redacted in history: session_id (query), Authorization (header) — fill them in or use a variable before sending';

describe('a history entry with redacted values, opened as a request', () => {
  it('says what was redacted, refuses Send while a placeholder is left, and sends once they are filled in', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, { timeout: 15_000 });

    // alice sends a request with a session id in the query and a token in a header
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: `${server.url}/me?session_id=s3cr3t-1&page=2` },
    });
    fireEvent.mouseDown(screen.getByRole('tab', { name: /^Headers/ }));
    fireEvent.click(screen.getByRole('tab', { name: /^Headers/ }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'New headers name' }, { timeout: 15_000 }), {
      target: { value: 'Authorization' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Headers value 1' }), {
      target: { value: 'Bearer tok-1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await screen.findByText('200 OK', undefined, { timeout: 15_000 });
    expect(seen).toEqual([{ sessionId: 's3cr3t-1', auth: 'Bearer tok-1' }]);
    expect(screen.queryByRole('note', { name: 'Redacted values' })).toBeNull();

    // …and opens it again from history
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    const list = await screen.findByRole('list', { name: 'History entries' }, { timeout: 15_000 });
    fireEvent.click(
      within(list)
        .getAllByRole('button')
        .find((b) => b.classList.contains('history-entry'))!,
    );
    await waitFor(() => expect(useRequestStore.getState().draft.url).toContain('%5Bredacted%5D'), {
      timeout: 15_000,
    });

    const notice = await screen.findByRole('note', { name: 'Redacted values' }, { timeout: 15_000 });
    expect(notice.textContent).toBe(NOTICE);

    // Send is refused with the same line, and nothing reaches the server
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const refused = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(refused.textContent).toContain('Not sent as alice');
    expect(refused.textContent).toContain(NOTICE);
    expect(seen).toHaveLength(1);
    // so is comparing it across profiles (the core refuses before any profile sends)
    await useCompareStore.getState().run(useRequestStore.getState().draft, ['alice', 'bob']);
    expect(useRequestStore.getState().tabs[useRequestStore.getState().activeId].compare.error?.message).toBe(
      NOTICE,
    );
    expect(seen).toHaveLength(1);
    useCompareStore.getState().show(false);

    // each name opens the pane to fill it in
    fireEvent.click(within(notice).getByRole('button', { name: 'session_id (query)' }));
    const sid = await screen.findByRole('textbox', { name: 'Query params value 1' }, { timeout: 15_000 });
    fireEvent.change(sid, { target: { value: 's3cr3t-2' } });
    expect(screen.getByRole('note', { name: 'Redacted values' }).textContent).toBe(
      '1 value was redacted in history: Authorization (header) — fill it in or use a variable before sending',
    );
    fireEvent.click(
      within(screen.getByRole('note', { name: 'Redacted values' })).getByRole('button', {
        name: 'Authorization (header)',
      }),
    );
    const auth = await screen.findByRole('textbox', { name: 'Headers value 1' }, { timeout: 15_000 });
    fireEvent.change(auth, { target: { value: 'Bearer tok-2' } });
    expect(screen.queryByRole('note', { name: 'Redacted values' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await screen.findByText('200 OK', undefined, { timeout: 15_000 });
    expect(seen).toEqual([
      { sessionId: 's3cr3t-1', auth: 'Bearer tok-1' },
      { sessionId: 's3cr3t-2', auth: 'Bearer tok-2' },
    ]);
  });

  it('a credential that came from a variable comes back as the variable: no notice, and Send sends its current value', async () => {
    const vars = (token: string) =>
      tc.core['profiles.update']({ name: 'alice', patch: { variables: { token, sid: `sid-${token}` } } });
    await vars('v1');
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, { timeout: 15_000 });
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: `${server.url}/me?session_id={{sid}}` },
    });
    fireEvent.mouseDown(screen.getByRole('tab', { name: /^Headers/ }));
    fireEvent.click(screen.getByRole('tab', { name: /^Headers/ }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'New headers name' }, { timeout: 15_000 }), {
      target: { value: 'Authorization' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Headers value 1' }), {
      target: { value: 'Bearer {{token}}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await screen.findByText('200 OK', undefined, { timeout: 15_000 });
    expect(seen).toEqual([{ sessionId: 'sid-v1', auth: 'Bearer v1' }]);

    await vars('v2');
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'History' }));
    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    const list = await screen.findByRole('list', { name: 'History entries' }, { timeout: 15_000 });
    const tabs = useRequestStore.getState().order.length;
    fireEvent.click(
      within(list)
        .getAllByRole('button')
        .find((b) => b.classList.contains('history-entry'))!,
    );
    await waitFor(() => expect(useRequestStore.getState().order.length).toBe(tabs + 1), { timeout: 15_000 });
    expect(useRequestStore.getState().draft.url).toBe(`${server.url}/me?session_id={{sid}}`);
    expect(useRequestStore.getState().draft.headers).toEqual([
      { name: 'Authorization', value: 'Bearer {{token}}' },
    ]);
    expect(screen.queryByRole('note', { name: 'Redacted values' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await waitFor(() => expect(seen).toHaveLength(2), { timeout: 15_000 });
    expect(seen[1]).toEqual({ sessionId: 'sid-v2', auth: 'Bearer v2' });
  });
});
