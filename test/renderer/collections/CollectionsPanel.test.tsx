// @vitest-environment happy-dom
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../main/shared/types';
import { CollectionsPanel } from '../../../renderer/src/features/collections/CollectionsPanel';
import { useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { emptyRequest, useRequestStore } from '../../../renderer/src/features/request/store';
import { type RealCore, startCore, unwrap } from '../cookies/realCore';

// Several saves go to disk one after another here; give them time on a busy 2-core machine.
configure({ asyncUtilTimeout: 10_000 });

let rc: RealCore;

beforeEach(async () => {
  useCollectionsStore.setState({ byId: {}, ids: [], status: 'idle', error: null });
  useRequestStore.getState().openRequest(emptyRequest());
  rc = await startCore();
});
afterEach(async () => {
  await rc.close();
});

const login: RequestSpec = {
  method: 'POST',
  url: 'http://127.0.0.1:9/login',
  headers: [{ name: 'X-Test', value: '1' }],
  body: { type: 'json', text: '{"user":"alice"}' },
};

const list = async () => unwrap(await rc.core['collections.list']({}));

async function seedShop() {
  const c = unwrap(await rc.core['collections.create']({ name: 'Shop' }));
  unwrap(await rc.core['collections.addFolder']({ collectionId: c.id, folder: 'auth' }));
  const r = unwrap(
    await rc.core['collections.saveRequest']({
      collectionId: c.id,
      request: { name: 'Login', folder: 'auth', request: login },
    }),
  );
  return { c, r };
}

async function menu(label: string, item: string) {
  const trigger = await screen.findByRole('button', { name: `Actions for ${label}` });
  fireEvent.keyDown(trigger, { key: 'Enter' });
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}

async function renameTo(label: string, name: string) {
  const box = await screen.findByRole('textbox', { name: `Rename ${label}` });
  fireEvent.change(box, { target: { value: name } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

describe('collections', () => {
  it('starts empty, and "New collection" creates one to name in place', async () => {
    render(<CollectionsPanel />);
    expect(await screen.findByText('No collections yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New collection' }));
    await renameTo('New collection', 'Shop');
    await waitFor(async () => expect((await list()).map((c) => c.name)).toEqual(['Shop']));
    expect(await screen.findByRole('treeitem', { name: 'Shop' })).toBeTruthy();
  });

  it('shows collections, folders and requests; clicking a request opens it', async () => {
    const { c, r } = await seedShop();
    render(<CollectionsPanel />);
    const item = await screen.findByRole('treeitem', { name: 'POST Login' });
    expect(screen.getByRole('treeitem', { name: 'auth' }).getAttribute('aria-level')).toBe('2');
    expect(item.getAttribute('aria-level')).toBe('3');
    fireEvent.click(within(item).getByText('Login'));
    const { draft, origin } = useRequestStore.getState();
    expect(draft).toEqual(login);
    expect(origin).toEqual({ collectionId: c.id, requestId: r.id, name: 'Login' });
    await waitFor(() => expect(item.getAttribute('aria-selected')).toBe('true'));
  });

  it('collapses and expands folders, and moves between items, by keyboard', async () => {
    await seedShop();
    render(<CollectionsPanel />);
    const folder = await screen.findByRole('treeitem', { name: 'auth' });
    expect(folder.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(folder, { key: 'ArrowLeft' });
    expect(folder.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('treeitem', { name: 'POST Login' })).toBeNull();
    fireEvent.keyDown(folder, { key: 'ArrowRight' });
    const login = await screen.findByRole('treeitem', { name: 'POST Login' });
    folder.focus();
    fireEvent.keyDown(folder, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(login);
    fireEvent.keyDown(login, { key: 'Home' });
    expect(document.activeElement).toBe(screen.getByRole('treeitem', { name: 'Shop' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(screen.getByRole('treeitem', { name: 'Shop' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('adds and renames folders and requests from the menu', async () => {
    const { c } = await seedShop();
    render(<CollectionsPanel />);
    await menu('Shop', 'New folder');
    await renameTo('New folder', 'orders');
    await waitFor(async () => expect((await list())[0].folders).toContain('orders'));

    await menu('auth', 'Rename');
    await renameTo('auth', 'session');
    await waitFor(async () => expect((await list())[0].requests[0].folder).toBe('session'));

    await menu('Login', 'Rename');
    await renameTo('Login', 'Sign in');
    await waitFor(async () => expect((await list())[0].requests[0].name).toBe('Sign in'));

    await menu('orders', 'New request');
    await renameTo('New request', 'List orders');
    await waitFor(async () => {
      const saved = (await list())[0].requests.find((x) => x.folder === 'orders');
      expect(saved?.name).toBe('List orders');
    });
    expect(useRequestStore.getState().origin?.collectionId).toBe(c.id);
  });

  it('duplicates and deletes a request', async () => {
    await seedShop();
    render(<CollectionsPanel />);
    await menu('Login', 'Duplicate');
    await waitFor(async () => expect((await list())[0].requests).toHaveLength(2));
    await waitFor(() =>
      expect(screen.getAllByRole('button', { name: /^Actions for Login/ })).toHaveLength(2),
    );
    const logins = screen.getAllByRole('button', { name: /^Actions for Login/ });
    fireEvent.keyDown(logins[1], { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    await waitFor(async () => expect((await list())[0].requests).toHaveLength(1));
  });

  it('duplicates a folder with its requests', async () => {
    await seedShop();
    render(<CollectionsPanel />);
    await menu('auth', 'Duplicate');
    await waitFor(async () => {
      const [shop] = await list();
      expect(shop.folders).toContain('auth copy');
      expect(shop.requests.filter((x) => x.folder === 'auth copy').map((r) => r.name)).toEqual(['Login']);
    });
    expect(await screen.findByRole('treeitem', { name: 'auth copy' })).toBeTruthy();
  });

  it('duplicates a collection, and deletes it after a confirm', async () => {
    await seedShop();
    render(<CollectionsPanel />);
    await menu('Shop', 'Duplicate');
    await waitFor(async () => {
      const copy = (await list()).find((c) => c.name === 'Shop copy');
      expect(copy?.folders).toEqual(['auth']);
      expect(copy?.requests.map((r) => [r.name, r.folder, r.request])).toEqual([['Login', 'auth', login]]);
    });
    await menu('Shop copy', 'Delete');
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(/1 saved request will be deleted/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await list()).map((c) => c.name)).toEqual(['Shop']));
    await waitFor(() => expect(screen.queryByRole('treeitem', { name: 'Shop copy' })).toBeNull());
  });
});
