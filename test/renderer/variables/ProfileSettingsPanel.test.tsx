// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { ProfileSettingsPanel } from '../../../renderer/src/features/variables/ProfileSettingsPanel';
import { type RealCore, startCore, unwrap, withProfiles } from '../cookies/realCore';

let rc: RealCore;

beforeEach(async () => {
  rc = await startCore();
  await withProfiles(rc.core, ['alice', 'bob']);
});
afterEach(async () => {
  await rc.close();
});

const saved = async (name: string) =>
  unwrap(await rc.core['profiles.list']({})).find((p) => p.name === name)!;

function type(label: string, value: string) {
  const el = screen.getByLabelText(label);
  fireEvent.focus(el);
  fireEvent.change(el, { target: { value } });
  fireEvent.blur(el);
}

describe("a profile's own settings", () => {
  it('variables are saved through profiles.update when a field is left', async () => {
    render(<ProfileSettingsPanel />);
    fireEvent.click(screen.getByRole('button', { name: '+ Add variable' }));
    type('Variable name 1', 'token');
    type('Variable value 1', 'alice-token');
    await waitFor(async () => expect((await saved('alice')).variables).toEqual({ token: 'alice-token' }));
    expect((await saved('bob')).variables).toEqual({});

    fireEvent.click(screen.getByRole('button', { name: 'Remove variable token' }));
    await waitFor(async () => expect((await saved('alice')).variables).toEqual({}));
  });

  it('a repeated variable name is refused next to the row and nothing is saved', async () => {
    unwrap(await rc.core['profiles.update']({ name: 'alice', patch: { variables: { host: 'a' } } }));
    await useProfilesStore.getState().load();
    render(<ProfileSettingsPanel />);
    expect((screen.getByLabelText('Variable name 1') as HTMLInputElement).value).toBe('host');
    fireEvent.click(screen.getByRole('button', { name: '+ Add variable' }));
    type('Variable name 2', 'host');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Variable "host" is defined twice');
    expect(screen.getByLabelText('Variable name 2').getAttribute('aria-invalid')).toBe('true');
    expect((await saved('alice')).variables).toEqual({ host: 'a' });
  });

  it('default headers can be added and switched off', async () => {
    render(<ProfileSettingsPanel />);
    fireEvent.click(screen.getByRole('button', { name: '+ Add header' }));
    type('Header name 1', 'X-User');
    type('Header value 1', 'alice');
    await waitFor(async () =>
      expect((await saved('alice')).headers).toEqual([{ name: 'X-User', value: 'alice', enabled: true }]),
    );
    fireEvent.click(screen.getByLabelText('Send header X-User'));
    await waitFor(async () =>
      expect((await saved('alice')).headers).toEqual([{ name: 'X-User', value: 'alice', enabled: false }]),
    );
  });

  it('the cookie store switch and the colour are saved', async () => {
    render(<ProfileSettingsPanel />);
    const store = screen.getByRole('switch', { name: 'Cookie store' });
    expect(store.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(store);
    await waitFor(async () => expect((await saved('alice')).cookieStore).toBe(false));
    await waitFor(() => expect(store.getAttribute('aria-checked')).toBe('false'));

    fireEvent.click(screen.getByRole('radio', { name: 'Teal' }));
    await waitFor(async () => expect((await saved('alice')).color).toBe('#12a594'));

    const hex = screen.getByLabelText('Custom');
    fireEvent.change(hex, { target: { value: 'zz' } });
    fireEvent.blur(hex);
    expect((await screen.findByRole('alert')).textContent).toMatch(/"zz" is not a hex colour/);
    fireEvent.change(hex, { target: { value: '#123abc' } });
    fireEvent.blur(hex);
    await waitFor(async () => expect((await saved('alice')).color).toBe('#123abc'));
  });

  it('shows the newly active profile after a switch', async () => {
    unwrap(await rc.core['profiles.update']({ name: 'bob', patch: { variables: { who: 'bob' } } }));
    await useProfilesStore.getState().load();
    render(<ProfileSettingsPanel />);
    expect(screen.queryByDisplayValue('who')).toBeNull();
    act(() => useProfilesStore.getState().setActive('bob'));
    expect(await screen.findByDisplayValue('who')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'bob' })).toBeTruthy();
  });
});
