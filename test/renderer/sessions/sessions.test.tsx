// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../main/shared/types';
import { MatrixView } from '../../../renderer/src/features/matrix/MatrixView';
import { startMatrixSync } from '../../../renderer/src/features/matrix/store';
import { ProfileSwitcher } from '../../../renderer/src/features/profiles/ProfileSwitcher';
import { startProfilesSync, useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { RequestEditor } from '../../../renderer/src/features/request/RequestEditor';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { ResponseViewer } from '../../../renderer/src/features/response/ResponseViewer';
import { useSessionsStore } from '../../../renderer/src/features/sessions/store';
import { resetStores } from '../app/harness';
import { resetCompareStores, startDemoCore } from '../compare/harness';

/** Run jars before Run, "Log in again" in the profile menu, extracted values in the response: real core, real demo API. */

let tc: Awaited<ReturnType<typeof startDemoCore>> | null = null;
const stops: Array<() => void> = [];

async function start() {
  resetStores('alice');
  resetCompareStores();
  useSessionsStore.setState(useSessionsStore.getInitialState());
  tc = await startDemoCore(true);
  stops.push(startMatrixSync(), startProfilesSync());
  await useProfilesStore.getState().load();
  return tc;
}

afterEach(async () => {
  cleanup();
  for (const s of stops.splice(0)) s();
  await tc?.close();
  tc = null;
});

describe('sessions in the UI', { timeout: 180_000 }, () => {
  it('the matrix offers the jar choice before Run (copy by default); the first run shows exactly one red cell', async () => {
    const { core } = await start();
    render(<MatrixView />);
    const jars = await screen.findByRole('radiogroup', { name: 'Run jars' }, { timeout: 15000 });
    const copy = within(jars).getByRole('radio', { name: 'Copy of jars' }) as HTMLInputElement;
    expect(copy.checked).toBe(true);
    expect(
      screen.getByText("Each profile starts from a copy of its jar; the profiles' own jars stay untouched"),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/ · 1 not/), {
      timeout: 90000,
    });
    await screen.findByRole('button', { name: 'Run matrix' }, { timeout: 60000 });
    const red = screen.getAllByRole('button', { name: /, not as expected$/ });
    expect(red.map((b) => b.getAttribute('aria-label'))).toEqual([
      "Alice's note as bob: 200 allow, not as expected",
    ]);
    const first = await core['history.list']({});
    expect(first.ok && first.value[0].run?.jars).toBe('copy');

    // Live is labelled as such, and the run uses it.
    fireEvent.click(within(jars).getByRole('radio', { name: 'Live jars' }));
    expect(screen.getByText("Uses and changes the profiles' real jars and variables").className).toContain(
      'is-live',
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Folder' }), { target: { value: 'Session' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^12 of 12 cells/), {
      timeout: 90000,
    });
    await screen.findByRole('button', { name: 'Run matrix' }, { timeout: 60000 });
    const h = await core['history.list']({});
    expect(h.ok && h.value[0].run?.jars).toBe('live');
  });

  it('"Log in again" in the profile menu runs the recipe and says what it did', async () => {
    const { core } = await start();
    render(<ProfileSwitcher />);
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Actions for alice' }), { key: 'Enter' });
    const menu = await screen.findByRole('menu');
    fireEvent.click(within(menu).getByRole('menuitem', { name: 'Log in again' }));
    await waitFor(
      () =>
        expect(document.querySelector('.login-status-line.is-ok')?.textContent).toMatch(
          /^alice logged in \(200 OK\) · csrf = [0-9a-f]{12}… → alice×$/,
        ),
      { timeout: 15000 },
    );
    const jar = await core['cookies.list']({ profile: 'alice' });
    expect(jar.ok && jar.value.map((c) => c.name)).toContain('session');
    // anonymous has no recipe: the item says so and is disabled.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions for anonymous' }), { key: 'Escape' });
    cleanup();
    render(<ProfileSwitcher />);
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Actions for anonymous' }), { key: 'Enter' });
    const anonMenu = await screen.findByRole('menu');
    expect(
      within(anonMenu)
        .getByRole('menuitem', { name: 'Log in again (no recipe)' })
        .getAttribute('aria-disabled'),
    ).toBe('true');
  });

  it('a saved request with an extraction rule: the response shows what it took, and a re-login says so', async () => {
    const { core } = await start();
    const list = await core['collections.list']({});
    const c = (list.ok ? list.value : []).find((x) => x.name === 'Demo API') as Collection;
    const account = c.requests.find((r) => r.name === 'My account');
    if (!account) throw new Error('no My account');
    render(<ResponseViewer />);
    useRequestStore
      .getState()
      .openRequest(account.request, { collectionId: c.id, requestId: account.id, name: account.name });
    await useRequestStore.getState().send('alice');
    const notes = await screen.findByRole('region', { name: 'Session' }, { timeout: 15000 });
    // alice was not logged in: /account said 401, her recipe ran, and the retry answered.
    expect(within(notes).getByText('re-logged in')).toBeTruthy();
    expect(within(notes).getByText(/^accountCsrf = [0-9a-f]{12}… → alice$/)).toBeTruthy();
  });

  it('the request editor shows, live, which cookies will be sent and which will not, and why', async () => {
    const { core } = await start();
    const login = await core['profiles.login']({ profile: 'alice' });
    expect(login.ok).toBe(true);
    render(<RequestEditor onSave={() => {}} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: '{{baseUrl}}/profile' },
    });
    fireEvent.mouseDown(screen.getByRole('tab', { name: /^Cookies/ }));
    fireEvent.click(screen.getByRole('tab', { name: /^Cookies/ }));
    const panel = await screen.findByRole('region', { name: 'Will send' }, { timeout: 15000 });
    await waitFor(() => expect(panel.textContent).toMatch(/Cookie: session=alice\./), { timeout: 15000 });
    const rows = () => [...panel.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(rows().find((r) => r.startsWith('✓session'))).toMatch(/jar · 127\.0\.0\.1\/$/);
    // The login form's CSRF cookie is scoped to /login: not sent to /profile.
    expect(rows().find((r) => r.startsWith('✗login_csrf'))).toMatch(/^✗login_csrfpath · /);

    // Typing a URL under /login changes the answer at once.
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: '{{baseUrl}}/login' },
    });
    await waitFor(() => expect(rows().some((r) => r.startsWith('✓login_csrf'))).toBe(true), {
      timeout: 15000,
    });
  });

  it('re-login can be switched off for a matrix run: after "Log out", alice meets 401 and stays out', async () => {
    await start();
    render(<MatrixView />);
    const relogin = (await screen.findByRole(
      'checkbox',
      { name: 'Re-login on expiry' },
      { timeout: 15000 },
    )) as HTMLInputElement;
    expect(relogin.checked).toBe(true);
    fireEvent.click(relogin);
    expect(relogin.checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^69 of 69 cells/), {
      timeout: 90000,
    });
    await screen.findByRole('button', { name: 'Run matrix' }, { timeout: 60000 });
    expect(screen.getByRole('button', { name: 'My notes as alice: 401 deny, not as expected' })).toBeTruthy();
  });

  it('"Login recipe…" sets a profile’s recipe from saved requests in order; "Log in again" then uses it', async () => {
    const { core } = await start();
    render(<ProfileSwitcher />);
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Actions for anonymous' }), { key: 'Enter' });
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Login recipe…' }));
    const dialog = await screen.findByRole(
      'dialog',
      { name: 'Login recipe of anonymous' },
      { timeout: 15000 },
    );
    const steps = await within(dialog).findByRole('group', { name: 'Recipe steps' }, { timeout: 15000 });
    await within(steps).findByText('Session / Log in', { exact: false }, { timeout: 15000 });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save recipe' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Tick at least one saved request (or remove the recipe)',
    );
    const box = (label: RegExp) =>
      within(steps)
        .getAllByRole('checkbox')
        .find((b) => label.test(b.closest('label')?.textContent ?? '')) as HTMLInputElement;
    fireEvent.click(box(/Session \/ Login page$/));
    fireEvent.click(box(/Session \/ Log in$/));
    expect(box(/Session \/ Log in$/).closest('label')?.textContent).toMatch(/^2POST/);
    fireEvent.change(within(dialog).getByRole('textbox', { name: '…or this cookie is missing' }), {
      target: { value: 'session' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save recipe' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 15000 });
    const list = await core['profiles.list']({});
    const anon = list.ok ? list.value.find((p) => p.name === 'anonymous') : undefined;
    expect(anon?.login?.steps).toHaveLength(2);
    expect(anon?.login?.expiry).toEqual({ statuses: [401, 419], cookie: 'session' });
    // anonymous has no password, so the recipe's last step answers 401: said in one line.
    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions for anonymous' }), { key: 'Enter' });
    fireEvent.click(within(await screen.findByRole('menu')).getByRole('menuitem', { name: 'Log in again' }));
    await waitFor(
      () =>
        expect(document.querySelector('.login-status-line.is-error')?.textContent).toBe(
          "anonymous: The login recipe of 'anonymous' was answered 401 Unauthorized×",
        ),
      { timeout: 15000 },
    );
  });
});
