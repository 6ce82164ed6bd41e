// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HistoryPanel } from '../../../renderer/src/features/history/HistoryPanel';
import { useHistoryStore } from '../../../renderer/src/features/history/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { emptyRequest, useRequestStore } from '../../../renderer/src/features/request/store';
import { type RealCore, startCore, startServer, unwrap, withProfiles } from '../cookies/realCore';

let rc: RealCore;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url?.startsWith('/admin')) res.statusCode = 403;
    res.end('ok');
  });
});
afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  useHistoryStore.setState({ byId: {}, ids: [], status: 'idle', error: null });
  useRequestStore.getState().openRequest(emptyRequest());
  rc = await startCore();
  await withProfiles(rc.core, ['alice', 'bob']);
  unwrap(await rc.core['profiles.update']({ name: 'bob', patch: { color: '#e5484d' } }));
  await useProfilesStore.getState().load();
});
afterEach(async () => {
  await rc.close();
});

const sendAs = async (profile: string, method: string, path: string) =>
  unwrap(
    await rc.core['request.send']({
      profile,
      request: { method, url: `${server.url}${path}`, headers: [], body: { type: 'none' } },
    }),
  );

/** The entries' main buttons, newest first (each row also has a "Save to collection" button). */
const entries = () =>
  screen.getAllByRole('button').filter((b) => b.classList.contains('history-entry')) as HTMLElement[];
const shown = () => screen.findAllByRole('list', { name: 'History entries' }, { timeout: 15_000 });

describe('history', () => {
  it('shows which profile sent what, newest first, with status', async () => {
    await sendAs('alice', 'GET', '/me');
    await sendAs('bob', 'DELETE', '/admin/users/1');
    render(<HistoryPanel />);
    await shown();
    const [first, second] = entries();
    expect(within(first).getByText('bob')).toBeTruthy();
    expect(within(first).getByText('DELETE')).toBeTruthy();
    expect(within(first).getByText('/admin/users/1')).toBeTruthy();
    expect(within(first).getByText('403')).toBeTruthy();
    expect(within(second).getByText('alice')).toBeTruthy();
    expect(within(second).getByText('/me')).toBeTruthy();
    expect(within(second).getByText('200')).toBeTruthy();
    const bobDot = first.querySelector('.history-dot') as HTMLElement;
    expect(bobDot.style.background).toMatch(/#e5484d|229, 72, 77/i);
  });

  it("filters to one profile's requests", async () => {
    await sendAs('alice', 'GET', '/a');
    await sendAs('bob', 'GET', '/b');
    render(<HistoryPanel />);
    await shown();
    fireEvent.change(screen.getByRole('combobox', { name: 'Profile' }), { target: { value: 'alice' } });
    expect(entries()).toHaveLength(1);
    expect(screen.getByText('/a')).toBeTruthy();
    expect(screen.queryByText('/b')).toBeNull();
  });

  it('opening an entry loads its request and switches to its profile', async () => {
    await sendAs('bob', 'POST', '/orders?id=7');
    render(<HistoryPanel />);
    await shown();
    expect(useProfilesStore.getState().active).toBe('alice');
    fireEvent.click(entries()[0]);
    expect(useProfilesStore.getState().active).toBe('bob');
    const draft = useRequestStore.getState().draft;
    expect(draft.method).toBe('POST');
    expect(draft.url).toBe(`${server.url}/orders?id=7`);
    // its stored response comes back with it, as bob's
    await waitFor(
      () => {
        const r = useRequestStore.getState().responses.bob;
        expect(r?.kind === 'response' && r.response.body).toBe('ok');
      },
      { timeout: 15_000 },
    );
  });

  it('groups by day and searches URL, name and status', async () => {
    await sendAs('alice', 'GET', '/users/1');
    await sendAs('bob', 'DELETE', '/admin/users/1');
    render(<HistoryPanel />);
    await shown();
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    const search = screen.getByRole('searchbox', { name: 'Search history' });
    fireEvent.change(search, { target: { value: '403' } });
    expect(entries()).toHaveLength(1);
    expect(within(entries()[0]).getByText('DELETE')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'users get' } });
    expect(entries()).toHaveLength(1);
    expect(entries()[0].getAttribute('title')).toBe(`${server.url}/users/1`);
    fireEvent.change(search, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('Nothing matches “nothing-like-this”')).toBeTruthy();
  });

  it('a comparison is one entry that opens to its requests', async () => {
    unwrap(
      await rc.core['request.compare']({
        profiles: ['alice', 'bob'],
        request: { method: 'GET', url: `${server.url}/admin/x`, headers: [], body: { type: 'none' } },
      }),
    );
    render(<HistoryPanel />);
    await shown();
    const run = entries().find((b) => b.textContent?.includes('RUN'));
    if (!run) throw new Error('no run entry');
    expect(run.getAttribute('aria-expanded')).toBe('false');
    expect(run.textContent).toContain('2 requests');
    fireEvent.click(run);
    const steps = await screen.findByRole('list', { name: /^Steps of / }, { timeout: 15_000 });
    expect(
      within(steps)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^aliceGET.*403$/), expect.stringMatching(/^bobGET.*403$/)]);
  });

  it('shows a network failure by its error code', async () => {
    const dead = await startServer((_q, s) => s.end());
    const url = dead.url;
    await dead.close();
    await rc.core['request.send']({
      profile: 'alice',
      request: { method: 'GET', url: `${url}/gone`, headers: [], body: { type: 'none' } },
    });
    render(<HistoryPanel />);
    await shown();
    expect(within(entries()[0]).getByText('CONNECTION_REFUSED')).toBeTruthy();
  });

  it('follows new sends and clears after a confirm', async () => {
    render(<HistoryPanel />);
    expect(await screen.findByText('No requests yet')).toBeTruthy();
    await sendAs('alice', 'GET', '/later');
    expect(await screen.findByText('/later')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Clear history' }));
    expect(await screen.findByText('No requests yet')).toBeTruthy();
    await waitFor(async () => expect(unwrap(await rc.core['history.list']({}))).toEqual([]));
  });
});
