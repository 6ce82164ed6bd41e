// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/shared/settings';
import { SettingsDialog } from '../../../renderer/src/features/settings/SettingsDialog';
import { useSettingsStore } from '../../../renderer/src/features/settings/store';
import { type RealCore, startCore, unwrap } from '../cookies/realCore';

/** The limits and history settings in the Settings dialog, saved through a real core. */

let rc: RealCore;
const WAIT = { timeout: 15000 };

beforeEach(async () => {
  useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false, error: null });
  rc = await startCore();
});
afterEach(async () => {
  cleanup();
  await rc.close();
});

const saved = async () => unwrap(await rc.core['settings.get']({}));

async function open() {
  render(<SettingsDialog open onOpenChange={() => {}} />);
  await waitFor(() => expect(useSettingsStore.getState().loaded).toBe(true), WAIT);
}

function type(label: string, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
  return input;
}

describe('limits and history in Settings', { timeout: 60_000 }, () => {
  it('shows the defaults, grouped, and saves each limit when its field is left', async () => {
    await open();
    const responses = screen.getByRole('group', { name: 'Responses' });
    const cookies = screen.getByRole('group', { name: 'Cookie limits' });
    expect((within(responses).getByLabelText('Body kept in memory (MB)') as HTMLInputElement).value).toBe(
      '50',
    );
    expect((within(responses).getByLabelText('Idle timeout (ms, 0 = none)') as HTMLInputElement).value).toBe(
      '30000',
    );
    expect((within(cookies).getByLabelText('Largest cookie (bytes)') as HTMLInputElement).value).toBe('4096');
    expect((within(cookies).getByLabelText('Cookies per domain') as HTMLInputElement).value).toBe('180');
    expect((within(cookies).getByLabelText('Cookies per profile') as HTMLInputElement).value).toBe('3000');

    type('Body kept in memory (MB)', '2.5');
    type('Idle timeout (ms, 0 = none)', '0');
    type('Largest cookie (bytes)', '8192');
    type('Cookies per domain', '50');
    type('Cookies per profile', '500');
    await waitFor(async () => {
      const s = await saved();
      expect([s.maxBodyMb, s.idleTimeoutMs, s.maxCookieBytes, s.maxCookiesPerDomain, s.maxCookies]).toEqual([
        2.5, 0, 8192, 50, 500,
      ]);
    }, WAIT);
    expect(screen.getByText('Saved')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it("an out-of-range limit shows the core's one-line error under its field and saves nothing", async () => {
    await open();
    const cap = type('Cookies per domain', '0');
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toMatch(/^Cookies per domain: .*>=\s?1$/);
    expect(alert.textContent).not.toMatch(/\n/);
    expect(cap.getAttribute('aria-invalid')).toBe('true');
    expect(cap.getAttribute('aria-describedby')).toBe(alert.id);
    expect((await saved()).maxCookiesPerDomain ?? 180).toBe(180);

    type('Body kept in memory (MB)', 'lots');
    await waitFor(
      () =>
        expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
          'Body kept in memory (MB) must be a number',
        ),
      WAIT,
    );
    expect((await saved()).maxBodyMb ?? 50).toBe(50);

    // Fixed: the error goes, the value is saved.
    type('Cookies per domain', '20');
    await waitFor(async () => expect((await saved()).maxCookiesPerDomain).toBe(20), WAIT);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('"Keep full history (no redaction)" is off by default, says what it changes, and is saved', async () => {
    await open();
    const box = screen.getByRole('checkbox', {
      name: 'Keep full history (no redaction)',
    }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText(/are redacted in history\.$/)).toBeTruthy();
    fireEvent.click(box);
    await waitFor(async () => expect((await saved()).keepFullHistory).toBe(true), WAIT);
    expect(box.checked).toBe(true);
    expect(screen.getByText(/are written to history as sent\.$/)).toBeTruthy();
    fireEvent.click(box);
    await waitFor(async () => expect((await saved()).keepFullHistory).toBe(false), WAIT);
  });
});
