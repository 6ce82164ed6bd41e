// @vitest-environment happy-dom
import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../main/shared/types';
import { SaveRequestDialog } from '../../../renderer/src/features/collections/SaveRequestDialog';
import { useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { type RealCore, startCore, unwrap } from '../cookies/realCore';

// Saves go to disk; give them time on a busy 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

let rc: RealCore;

beforeEach(async () => {
  useCollectionsStore.setState({ byId: {}, ids: [], status: 'idle', error: null });
  rc = await startCore();
});
afterEach(async () => {
  await rc.close();
});

const me: RequestSpec = { method: 'GET', url: 'http://127.0.0.1:9/me', headers: [], body: { type: 'none' } };
const list = async () => unwrap(await rc.core['collections.list']({}));

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Save…
      </button>
      <SaveRequestDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

describe('saving the draft to a collection', () => {
  it('with no collection yet, creates one and saves the draft into it', async () => {
    useRequestStore.getState().openRequest(me);
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    expect(((await screen.findByLabelText('Name')) as HTMLInputElement).value).toBe('GET /me');
    fireEvent.change(screen.getByLabelText('New collection name'), { target: { value: 'Accounts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [c] = await list();
    expect(c.name).toBe('Accounts');
    expect(c.requests.map((r) => [r.name, r.request])).toEqual([['GET /me', me]]);
    expect(useRequestStore.getState().origin).toEqual({
      collectionId: c.id,
      requestId: c.requests[0].id,
      name: 'GET /me',
    });
  });

  it('saves into a chosen folder, then updates the same saved request in place', async () => {
    const c = unwrap(await rc.core['collections.create']({ name: 'Shop' }));
    unwrap(await rc.core['collections.addFolder']({ collectionId: c.id, folder: 'users' }));
    useRequestStore.getState().openRequest(me);
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Who am I' } });
    await screen.findByRole('option', { name: 'users' });
    fireEvent.change(screen.getByLabelText('Folder'), { target: { value: 'users' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const saved = (await list())[0].requests;
    expect(saved.map((r) => [r.name, r.folder])).toEqual([['Who am I', 'users']]);

    useRequestStore.getState().setDraft({ url: 'http://127.0.0.1:9/me?full=1' });
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    expect(await screen.findByText('Updates “Who am I” in its collection.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const after = (await list())[0].requests;
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(saved[0].id);
    expect(after[0].request.url).toBe('http://127.0.0.1:9/me?full=1');
  });

  it('refuses an empty name and saves nothing', async () => {
    unwrap(await rc.core['collections.create']({ name: 'Shop' }));
    useRequestStore.getState().openRequest(me);
    render(<Harness />);
    fireEvent.click(screen.getByRole('button', { name: 'Save…' }));
    const name = await screen.findByLabelText('Name');
    fireEvent.change(name, { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the request a name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect((await list())[0].requests).toEqual([]);
  });
});
