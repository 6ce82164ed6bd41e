// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/shared/settings';
import { SettingsDialog } from '../../../renderer/src/features/settings/SettingsDialog';
import { useSettingsStore } from '../../../renderer/src/features/settings/store';
import { type RealCore, startCore, unwrap } from '../cookies/realCore';

let rc: RealCore;

beforeEach(async () => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false, error: null });
  delete document.documentElement.dataset.theme;
  rc = await startCore();
});
afterEach(async () => {
  await rc.close();
});

const saved = async () => unwrap(await rc.core['settings.get']({}));

describe('settings', () => {
  it('switching the theme saves it and sets data-theme on the page', async () => {
    render(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(useSettingsStore.getState().loaded).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect((await saved()).theme).toBe('dark');
    fireEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect((screen.getByRole('radio', { name: 'Light' }) as HTMLInputElement).checked).toBe(true);
  });

  it('loading applies the saved theme', async () => {
    unwrap(await rc.core['settings.update']({ patch: { theme: 'dark' } }));
    await useSettingsStore.getState().load();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('saves proxy, certificate checks, timeout and redirects as they are left', async () => {
    render(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(useSettingsStore.getState().loaded).toBe(true));
    const proxy = screen.getByLabelText('Proxy URL');
    fireEvent.change(proxy, { target: { value: 'http://127.0.0.1:3128' } });
    fireEvent.blur(proxy);
    fireEvent.click(screen.getByLabelText('Skip TLS certificate checks'));
    const timeout = screen.getByLabelText('Default timeout (ms, 0 = none)');
    fireEvent.change(timeout, { target: { value: '5000' } });
    fireEvent.blur(timeout);
    const redirects = screen.getByLabelText('Max redirects');
    fireEvent.change(redirects, { target: { value: '3' } });
    fireEvent.blur(redirects);
    await waitFor(async () =>
      expect(await saved()).toMatchObject({
        theme: 'system',
        proxy: 'http://127.0.0.1:3128',
        insecure: true,
        timeoutMs: 5000,
        maxRedirects: 3,
      }),
    );
  });

  it('a bad number is explained next to its field and not saved', async () => {
    render(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(useSettingsStore.getState().loaded).toBe(true));
    const redirects = screen.getByLabelText('Max redirects');
    fireEvent.change(redirects, { target: { value: 'lots' } });
    fireEvent.blur(redirects);
    expect((await screen.findByRole('alert')).textContent).toBe('Max redirects must be a whole number');
    expect(redirects.getAttribute('aria-invalid')).toBe('true');
    expect((await saved()).maxRedirects).toBe(10);
  });
});
