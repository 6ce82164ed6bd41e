// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { ProfileSettingsPanel } from '../../../renderer/src/features/variables/ProfileSettingsPanel';
import { type RealCore, startCore, unwrap, withProfiles } from '../cookies/realCore';

let rc: RealCore;

beforeEach(async () => {
  rc = await startCore();
  await withProfiles(rc.core, ['alice', 'bob']);
  unwrap(
    await rc.core['profiles.update']({ name: 'alice', patch: { variables: { token: 'tk-123', host: 'h' } } }),
  );
  await useProfilesStore.getState().load();
});
afterEach(async () => {
  await rc.close();
});

const saved = async (name: string) =>
  unwrap(await rc.core['profiles.list']({})).find((p) => p.name === name)!;

describe('a secret variable in the profile panel', () => {
  it('is marked with its toggle, masked, revealed while its field is clicked, and saved as secret', async () => {
    render(<ProfileSettingsPanel />);
    const value = (await screen.findByLabelText(
      'Variable value 1',
      {},
      { timeout: 15000 },
    )) as HTMLInputElement;
    expect(value.value).toBe('tk-123');
    expect(value.type).toBe('text');
    const toggle = screen.getByRole('button', { name: 'Secret variable token' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(async () => expect((await saved('alice')).secrets).toEqual(['token']), { timeout: 15000 });
    await waitFor(
      () =>
        expect(
          screen.getByRole('button', { name: 'Secret variable token' }).getAttribute('aria-pressed'),
        ).toBe('true'),
      { timeout: 15000 },
    );
    const masked = screen.getByLabelText('Variable value 1') as HTMLInputElement;
    expect(masked.type).toBe('password');
    expect((screen.getByLabelText('Variable value 2') as HTMLInputElement).type).toBe('text');
    fireEvent.focus(masked);
    expect((screen.getByLabelText('Variable value 1') as HTMLInputElement).type).toBe('text');
    fireEvent.blur(masked);
    expect((screen.getByLabelText('Variable value 1') as HTMLInputElement).type).toBe('password');

    fireEvent.click(screen.getByRole('button', { name: 'Secret variable token' }));
    await waitFor(async () => expect((await saved('alice')).secrets).toBeUndefined(), { timeout: 15000 });
    expect((await saved('alice')).variables).toEqual({ token: 'tk-123', host: 'h' });
  });
});
