// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileSwitcher } from '../../../renderer/src/features/profiles/ProfileSwitcher';
import { startProfilesSync, useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { resetStores, startCore, type TestCore } from '../app/harness';

let tc: TestCore;
let stopSync: () => void;

beforeEach(async () => {
  resetStores('alice');
  tc = await startCore([
    { name: 'alice', color: '#7c5cff' },
    { name: 'bob', color: '#14b8a6' },
  ]);
  stopSync = startProfilesSync();
  await useProfilesStore.getState().load();
});
afterEach(async () => {
  stopSync();
  cleanup();
  await tc.close();
});

const chipNames = () => screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent);

async function openMenu(name: string) {
  fireEvent.keyDown(screen.getByRole('button', { name: `Actions for ${name}` }), { key: 'Enter' });
  return screen.findByRole('menu');
}

describe('the profile switcher', () => {
  it('a bad name shows the core’s error in place and adds nothing', async () => {
    render(<ProfileSwitcher />);
    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    const input = screen.getByRole('textbox', { name: 'Profile name' });
    fireEvent.change(input, { target: { value: '.hidden' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/\.hidden/);
    expect(alert.textContent?.split('\n')).toHaveLength(1);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(chipNames()).toEqual(['alice', 'bob']);

    // taking bob's name is refused the same way
    fireEvent.change(input, { target: { value: 'bob' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toMatch(/bob/);
    expect(chipNames()).toEqual(['alice', 'bob']);
  });

  it('creating carol adds her chip, makes her active and gives her a colour of her own', async () => {
    render(<ProfileSwitcher />);
    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    const input = screen.getByRole('textbox', { name: 'Profile name' });
    fireEvent.change(input, { target: { value: 'carol' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    // the profiles.changed event may show her chip a moment before the create call returns and selects her
    await waitFor(() => {
      expect(chipNames()).toEqual(['alice', 'bob', 'carol']);
      expect(screen.getByRole<HTMLInputElement>('radio', { name: 'carol' }).checked).toBe(true);
    });
    const { profiles } = useProfilesStore.getState();
    expect(['#7c5cff', '#14b8a6']).not.toContain(profiles.carol.color);
    expect(screen.queryByRole('textbox', { name: 'Profile name' })).toBeNull();
  });

  it("a new profile starts with a copy of the active profile's variables (secrets stay secret), or none", async () => {
    await tc.core['profiles.update']({
      name: 'alice',
      patch: { variables: { baseUrl: 'http://127.0.0.1:8787', password: 'pw' }, secrets: ['password'] },
    });
    await useProfilesStore.getState().load();
    render(<ProfileSwitcher />);
    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    const copy = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Variables' });
    expect(copy.value).toBe('alice');
    expect([...copy.options].map((o) => o.textContent)).toEqual(['No variables', 'Variables of alice']);
    const input = screen.getByRole('textbox', { name: 'Profile name' });
    fireEvent.change(input, { target: { value: 'dora' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(useProfilesStore.getState().profiles.dora).toBeTruthy());
    // The form closes once the create (and its copy of the variables) is done.
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Profile name' })).toBeNull());
    const list = await tc.core['profiles.list']({});
    if (!list.ok) throw new Error(list.error.message);
    const dora = list.value.find((p) => p.name === 'dora');
    expect(dora?.variables).toEqual({ baseUrl: 'http://127.0.0.1:8787', password: 'pw' });
    expect(dora?.secrets).toEqual(['password']);

    fireEvent.click(screen.getByRole('button', { name: 'New profile' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Variables' }), { target: { value: '' } });
    const again = screen.getByRole('textbox', { name: 'Profile name' });
    fireEvent.change(again, { target: { value: 'empty' } });
    fireEvent.submit(again.closest('form') as HTMLFormElement);
    await waitFor(() => expect(useProfilesStore.getState().profiles.empty).toBeTruthy());
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Profile name' })).toBeNull());
    expect(useProfilesStore.getState().profiles.empty.variables).toEqual({});
  });

  it('renaming the active profile from its menu keeps it active under the new name', async () => {
    render(<ProfileSwitcher />);
    await openMenu('alice');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    const input = await screen.findByRole('textbox', { name: 'Profile name' });
    expect((input as HTMLInputElement).value).toBe('alice');
    fireEvent.change(input, { target: { value: 'alicia' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => {
      expect(chipNames()).toEqual(['alicia', 'bob']);
      expect(useProfilesStore.getState().active).toBe('alicia');
    });
    expect(localStorage.getItem('tandem.activeProfile')).toBe('alicia');
  });

  it('duplicating bob and deleting the copy, with a confirmation', async () => {
    render(<ProfileSwitcher />);
    await openMenu('bob');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Duplicate…' }));
    const input = await screen.findByRole('textbox', { name: 'Profile name' });
    expect((input as HTMLInputElement).value).toBe('bob-copy');
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await waitFor(() => expect(chipNames()).toEqual(['alice', 'bob', 'bob-copy']));

    await openMenu('bob-copy');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Delete profile bob-copy?');
    fireEvent.click(screen.getByRole('button', { name: 'Delete bob-copy' }));
    await waitFor(() => expect(chipNames()).toEqual(['alice', 'bob']));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a delete the core refuses shows its one-line error in the dialog, which stays open', async () => {
    render(<ProfileSwitcher />);
    await openMenu('bob');
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog');
    // another window deletes bob first
    expect((await tc.core['profiles.delete']({ name: 'bob' })).ok).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete bob' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe("Unknown profile 'bob'");
    expect(screen.getByRole('dialog')).toBe(dialog);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('follows changes other windows make (profiles.changed)', async () => {
    render(<ProfileSwitcher />);
    // another window (the CLI, a second renderer) creates dave straight through the core
    await tc.core['profiles.create']({ name: 'dave', color: '#0090ff' });
    await waitFor(() => expect(chipNames()).toContain('dave'));
    expect(useProfilesStore.getState().active).toBe('alice');
  });
});
