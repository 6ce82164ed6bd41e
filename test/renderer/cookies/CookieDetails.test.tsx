// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CookieJarPanel } from '../../../renderer/src/features/cookies/CookieJarPanel';
import { useCookiesStore } from '../../../renderer/src/features/cookies/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { type RealCore, startCore, unwrap, withProfiles } from './realCore';

let rc: RealCore;

beforeEach(async () => {
  useCookiesStore.setState({ profile: null, byId: {}, ids: [], status: 'idle', error: null });
  rc = await startCore();
  await withProfiles(rc.core, ['alice']);
});

afterEach(async () => {
  await rc.close();
});

describe('cookie details in the jar panel', () => {
  it('shows the source, the last values, the decoded JWT with its countdown, and the warnings', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = await new SignJWT({ sub: 'alice', role: 'user' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode('k'.repeat(32)));
    const set = (value: string) =>
      rc.core['cookies.set']({
        profile: 'alice',
        cookie: { name: 'auth_token', value, domain: 'localhost' },
      });
    unwrap(await set('first'));
    unwrap(await set(token));
    await useProfilesStore.getState().load();
    useProfilesStore.getState().setActive('alice');
    render(<CookieJarPanel />);
    const jar = await screen.findByRole('region', { name: 'Cookie jar of alice' }, { timeout: 15_000 });
    fireEvent.click(
      await within(jar).findByRole(
        'button',
        { name: 'Details of cookie auth_token on localhost' },
        { timeout: 15_000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Cookie auth_token' }, { timeout: 15_000 });
    const decoded = await within(dialog).findByRole('region', { name: 'Decoded value' }, { timeout: 15_000 });
    expect(decoded.textContent).toContain('JWT (HS256)');
    expect(decoded.textContent).toMatch(/expires in (59 min|1 h 0 min)/);
    expect(decoded.textContent).toContain('"sub": "alice"');
    expect(within(dialog).getByRole('region', { name: 'Source' }).textContent).toContain('edited by hand');
    const values = within(dialog).getByRole('region', { name: 'Last values' }).textContent ?? '';
    expect(values.indexOf(token)).toBeLessThan(values.indexOf('first'));
    const warnings = within(dialog).getByRole('region', { name: 'Warnings' }).textContent ?? '';
    expect(warnings).toMatch(/without HttpOnly: any script/);
    expect(warnings).toMatch(/without Secure/);
    await waitFor(() => expect(dialog.textContent).toContain('signature not checked'), { timeout: 15_000 });
  });
});
