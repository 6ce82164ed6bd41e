// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CookieJarPanel } from '../../../renderer/src/features/cookies/CookieJarPanel';
import { useCookiesStore } from '../../../renderer/src/features/cookies/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { type RealCore, startCore, startServer, unwrap, withProfiles } from './realCore';

let rc: RealCore;

beforeEach(async () => {
  useCookiesStore.setState({ profile: null, byId: {}, ids: [], status: 'idle', error: null });
  rc = await startCore();
  await withProfiles(rc.core, ['alice', 'bob']);
});

afterEach(async () => {
  await rc.close();
});

const jar = async (profile: string) => unwrap(await rc.core['cookies.list']({ profile }));
const setCookie = async (profile: string, name: string, value: string, domain = 'localhost') =>
  unwrap(await rc.core['cookies.set']({ profile, cookie: { name, value, domain } }));

/** Opens a toolbar menu ("Export", "Clear") and picks an item. */
async function pick(menu: string, item: string) {
  fireEvent.keyDown(screen.getByRole('button', { name: menu }), { key: 'Enter' });
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
}

const table = () => screen.findByRole('table', { name: 'Cookies' });

describe('the cookie jar editor', () => {
  it("shows the cookie alice's login set, and bob's jar stays empty", async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('Set-Cookie', 'sid=alice-session; Path=/; HttpOnly; SameSite=Lax');
      res.end('ok');
    });
    try {
      unwrap(
        await rc.core['request.send']({
          profile: 'alice',
          request: { method: 'POST', url: `${server.url}/login`, headers: [], body: { type: 'none' } },
        }),
      );
    } finally {
      await server.close();
    }
    render(<CookieJarPanel />);
    const row = (await screen.findByText('sid')).closest('tr')!;
    expect(within(row).getByText('alice-session')).toBeTruthy();
    expect(within(row).getByText('127.0.0.1')).toBeTruthy();
    expect(within(row).getByText('Session')).toBeTruthy();
    expect(within(row).getByText('Lax')).toBeTruthy();

    act(() => useProfilesStore.getState().setActive('bob'));
    expect(await screen.findByText("bob's jar is empty")).toBeTruthy();
    expect(screen.queryByText('alice-session')).toBeNull();
  });

  it('editing a value saves it in the jar at once', async () => {
    await setCookie('alice', 'theme', 'light');
    render(<CookieJarPanel />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Edit cookie theme on localhost' }));
    const value = await screen.findByLabelText('Value');
    fireEvent.change(value, { target: { value: 'dark' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cookie' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await jar('alice')).map((c) => [c.name, c.value])).toEqual([['theme', 'dark']]);
    expect(await screen.findByText('dark')).toBeTruthy();
  });

  it('renaming a cookie replaces it rather than leaving the old one behind', async () => {
    await setCookie('alice', 'old', '1');
    render(<CookieJarPanel />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Edit cookie old on localhost' }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cookie' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await jar('alice')).map((c) => c.name)).toEqual(['new']);
  });

  it('a bad value shows the core error next to the field and changes nothing', async () => {
    await setCookie('alice', 'theme', 'light');
    render(<CookieJarPanel />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Edit cookie theme on localhost' }));
    const value = await screen.findByLabelText('Value');
    fireEvent.change(value, { target: { value: 'a;b' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cookie' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Invalid value for cookie "theme"/);
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(value.getAttribute('aria-describedby')).toBe(alert.id);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((await jar('alice')).map((c) => c.value)).toEqual(['light']);
  });

  it('a bad name on a new cookie is shown next to the name field', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    fireEvent.click(screen.getByRole('button', { name: 'Add cookie' }));
    const name = await screen.findByLabelText('Name');
    fireEvent.change(name, { target: { value: 'bad name' } });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cookie' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Invalid cookie name "bad name"/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(await jar('alice')).toEqual([]);
  });

  it('adds a cookie with its attributes', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    fireEvent.click(screen.getByRole('button', { name: 'Add cookie' }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'token' } });
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Domain'), { target: { value: '.example.com' } });
    fireEvent.click(screen.getByLabelText('Secure'));
    fireEvent.change(screen.getByLabelText('SameSite'), { target: { value: 'Strict' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cookie' }));
    await screen.findByText('.example.com');
    const [c] = await jar('alice');
    expect(c).toMatchObject({ name: 'token', value: 'abc', domain: 'example.com', hostOnly: false });
    expect(c.secure).toBe(true);
    expect(c.sameSite).toBe('Strict');
  });

  it('deletes one cookie from its row', async () => {
    await setCookie('alice', 'a', '1');
    await setCookie('alice', 'b', '2');
    render(<CookieJarPanel />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Delete cookie a on localhost' }));
    await waitFor(() => expect(screen.queryByText('a')).toBeNull());
    expect((await jar('alice')).map((c) => c.name)).toEqual(['b']);
  });

  it('clears one domain, then everything after a confirm', async () => {
    await setCookie('alice', 'x', '1', 'example.com');
    await setCookie('alice', 'y', '2', 'api.example.com');
    await setCookie('alice', 'z', '3', 'localhost');
    render(<CookieJarPanel />);
    await table();
    await pick('Clear', 'Clear domain…');
    const domain = await screen.findByLabelText('Domain');
    fireEvent.change(domain, { target: { value: 'example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear domain' }));
    expect(await screen.findByText('Removed 2 cookies for example.com')).toBeTruthy();
    expect((await jar('alice')).map((c) => c.name)).toEqual(['z']);

    await pick('Clear', 'Clear all…');
    fireEvent.click(await screen.findByRole('button', { name: 'Clear all cookies' }));
    expect(await screen.findByText("alice's jar is empty")).toBeTruthy();
    expect(await jar('alice')).toEqual([]);
  });

  it('cancelling "Clear all" keeps the jar', async () => {
    await setCookie('alice', 'keep', '1');
    render(<CookieJarPanel />);
    await table();
    await pick('Clear', 'Clear all…');
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await jar('alice')).map((c) => c.name)).toEqual(['keep']);
  });

  it('filters by name, value or domain', async () => {
    await setCookie('alice', 'session', 'abc', 'localhost');
    await setCookie('alice', 'theme', 'dark', 'example.com');
    await setCookie('alice', 'lang', 'en', 'example.org');
    render(<CookieJarPanel />);
    await table();
    const filter = screen.getByLabelText('Filter cookies');
    fireEvent.change(filter, { target: { value: 'DARK' } });
    expect(screen.getByText('theme')).toBeTruthy();
    expect(screen.queryByText('session')).toBeNull();
    fireEvent.change(filter, { target: { value: 'example' } });
    expect(screen.getByText('2 of 3')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'nothing-like-this' } });
    expect(screen.getByText('No cookie matches “nothing-like-this”')).toBeTruthy();
  });

  it('says plainly when the profile has its cookie store off', async () => {
    unwrap(await rc.core['profiles.update']({ name: 'alice', patch: { cookieStore: false } }));
    await useProfilesStore.getState().load();
    render(<CookieJarPanel />);
    expect(
      await screen.findByText('Cookie store is off for alice: nothing is stored or sent from this jar'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    await waitFor(() => expect(screen.queryByText(/Cookie store is off for alice/)).toBeNull());
    expect(unwrap(await rc.core['profiles.list']({})).find((p) => p.name === 'alice')?.cookieStore).toBe(
      true,
    );
  });

  it('follows the jar when the core changes it (cookies.changed)', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    await setCookie('alice', 'late', 'arrival');
    expect(await screen.findByText('arrival')).toBeTruthy();
    await setCookie('bob', 'bobs', 'secret');
    expect(screen.queryByText('secret')).toBeNull();
  });

  it('imports a Netscape cookies.txt and exports JSON', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    const text = '# Netscape HTTP Cookie File\nlocalhost\tFALSE\t/\tFALSE\t0\timported\tyes\n';
    const file = new File([text], 'cookies.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Import cookies from a file'), { target: { files: [file] } });
    expect(await screen.findByText('Imported 1 cookie from cookies.txt')).toBeTruthy();
    expect((await jar('alice')).map((c) => [c.name, c.value])).toEqual([['imported', 'yes']]);

    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    try {
      await pick('Export', 'Export as JSON');
      await screen.findByText('Exported 1 cookie');
      expect(await blobs[0].text()).toContain('imported');
    } finally {
      create.mockRestore();
    }
  });

  it('Import is a real button; a file with bad lines shows a preview, and "Import N valid" takes the good ones', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    const button = screen.getByRole('button', { name: 'Import…' });
    expect(button.tagName).toBe('BUTTON');
    const text = [
      'localhost\tFALSE\t/\tFALSE\t0\tgood\t1',
      'garbage',
      'localhost\tFALSE\t/\tFALSE\tnever\tbad\t2',
      'localhost\tFALSE\t/\tFALSE\t0\talso\t3',
    ].join('\n');
    const pickFile = () =>
      fireEvent.change(screen.getByLabelText('Import cookies from a file'), {
        target: { files: [new File([text], 'mixed.txt', { type: 'text/plain' })] },
      });
    pickFile();
    const dialog = await screen.findByRole('dialog', { name: 'Import mixed.txt into alice?' });
    expect(within(dialog).getByText('2 valid, 2 rejected')).toBeTruthy();
    const rejected = within(dialog).getByRole('list', { name: 'Rejected lines' });
    expect(
      within(rejected)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      expect.stringMatching(/^line 2.*7 tab-separated fields/),
      expect.stringMatching(/^line 3.*never/),
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await jar('alice')).toEqual([]);

    pickFile();
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 valid' }));
    expect(
      await screen.findByText('Imported 2 cookies from mixed.txt (2 rejected lines left out)'),
    ).toBeTruthy();
    expect((await jar('alice')).map((c) => c.name).sort()).toEqual(['also', 'good']);
  });

  it('the editor sets a Max-Age in seconds, and Expires as a date-time shown in the locale', async () => {
    render(<CookieJarPanel />);
    await screen.findByText("alice's jar is empty");
    fireEvent.click(screen.getByRole('button', { name: 'Add cookie' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add cookie' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'short' } });
    fireEvent.change(within(dialog).getByLabelText('Value'), { target: { value: 'lived' } });
    expect(within(dialog).getByRole('radio', { name: 'Session' })).toHaveProperty('checked', true);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Expires' }));
    const expires = within(dialog).getByLabelText('Expires (YYYY-MM-DD HH:mm, local time)');
    expect(expires.getAttribute('type')).not.toBe('datetime-local');
    fireEvent.change(expires, { target: { value: '2031-03-04 05:06' } });
    expect(
      within(dialog).getByText(
        new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' }).format(
          new Date(2031, 2, 4, 5, 6),
        ),
      ),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Max-Age (seconds)' }));
    fireEvent.change(within(dialog).getByLabelText('Max-Age in seconds'), { target: { value: '3600' } });
    const before = Date.now();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save cookie' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [c] = await jar('alice');
    const left = Date.parse(c.expires ?? '') - before;
    expect(left).toBeGreaterThan(3500_000);
    expect(left).toBeLessThan(3700_000);
  });

  it('a notice fades by itself', async () => {
    await setCookie('alice', 'gone', 'soon');
    render(<CookieJarPanel />);
    await table();
    fireEvent.click(screen.getByRole('button', { name: 'Delete cookie gone on localhost' }));
    expect(await screen.findByText('Deleted gone from localhost')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Deleted gone from localhost')).toBeNull(), {
      timeout: 15_000,
    });
  });

  it('a jar of thousands renders only the rows in view, and the filter still finds any of them', async () => {
    const lines = ['# Netscape HTTP Cookie File'];
    for (let i = 0; i < 1000; i++) lines.push(`host${i % 100}.test\tFALSE\t/\tFALSE\t0\tc${i}\tv${i}`);
    unwrap(await rc.core['cookies.import']({ profile: 'alice', format: 'netscape', text: lines.join('\n') }));
    render(<CookieJarPanel />);
    const t = await table();
    expect(t.getAttribute('aria-rowcount')).toBe('1001');
    expect(screen.getByText('1000 cookies')).toBeTruthy();
    expect(t.querySelectorAll('tbody tr').length).toBeLessThan(100);
    fireEvent.change(screen.getByLabelText('Filter cookies'), { target: { value: 'v999' } });
    expect(screen.getByText('c999')).toBeTruthy();
    expect(t.querySelectorAll('tbody tr')).toHaveLength(1);
  });
});
