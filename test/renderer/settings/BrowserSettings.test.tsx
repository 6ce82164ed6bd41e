// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../main/shared/settings';
import { SettingsDialog } from '../../../renderer/src/features/settings/SettingsDialog';
import { useSettingsStore } from '../../../renderer/src/features/settings/store';
import { type RealCore, startCore, unwrap } from '../cookies/realCore';

/**
 * Settings › Browser login: the browser a login starts in web mode and the CLI. The user types a
 * path and leaves the field; it is saved, and there when Settings opens again. A path that cannot
 * be started shows the core's one-line error and changes nothing. The placeholder is the browser
 * the core picks when the field is empty.
 */

let rc: RealCore;
let browser: string;
const savedEnv = process.env.TANDEM_BROWSER;
const LABEL = 'Chrome, Chromium or Edge to start';
const WAIT = { timeout: 15_000 };

beforeEach(async () => {
  useSettingsStore.setState(useSettingsStore.getInitialState());
  rc = await startCore();
  browser = path.join(rc.dir, 'my-chrome');
  await fs.writeFile(browser, '#!/bin/sh\n', { mode: 0o755 });
  process.env.TANDEM_BROWSER = '/opt/detected/chromium';
});
afterEach(async () => {
  if (savedEnv === undefined) delete process.env.TANDEM_BROWSER;
  else process.env.TANDEM_BROWSER = savedEnv;
  await rc.close();
});

const field = () => screen.getByLabelText(LABEL) as HTMLInputElement;

describe('the browser login setting', () => {
  it('shows the detected browser as placeholder; a path typed is saved and kept when Settings opens again', async () => {
    const { rerender } = render(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(field().placeholder).toBe('/opt/detected/chromium'), WAIT);
    expect(field().value).toBe('');
    fireEvent.change(field(), { target: { value: ` ${browser} ` } });
    fireEvent.blur(field());
    await screen.findByText('Saved', {}, WAIT);
    expect(unwrap(await rc.core['settings.get']({})).browserPath).toBe(browser);

    rerender(<SettingsDialog open={false} onOpenChange={() => {}} />);
    await waitFor(() => expect(screen.queryByLabelText(LABEL)).toBeNull(), WAIT);
    useSettingsStore.setState({ settings: DEFAULT_SETTINGS, loaded: false });
    rerender(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(field().value).toBe(browser), WAIT);

    // emptied: back to the detected one
    fireEvent.change(field(), { target: { value: '' } });
    fireEvent.blur(field());
    await waitFor(async () => expect(unwrap(await rc.core['settings.get']({})).browserPath).toBeNull(), WAIT);
  });

  it('a path that cannot be started shows the one-line error and changes nothing', async () => {
    unwrap(await rc.core['settings.update']({ patch: { browserPath: browser } }));
    const { rerender } = render(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(field().value).toBe(browser), WAIT);
    const notExecutable = path.join(rc.dir, 'notes.txt');
    await fs.writeFile(notExecutable, 'x', { mode: 0o644 });
    for (const [bad, message] of [
      ['/nope/chrome', 'No browser at /nope/chrome: the file does not exist'],
      [notExecutable, `No browser at ${notExecutable}: the file is not executable`],
    ]) {
      fireEvent.change(field(), { target: { value: bad } });
      fireEvent.blur(field());
      await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(message), WAIT);
      expect(field().getAttribute('aria-invalid')).toBe('true');
      expect(unwrap(await rc.core['settings.get']({})).browserPath).toBe(browser);
    }
    expect(screen.queryByText('Saved')).toBeNull();

    rerender(<SettingsDialog open={false} onOpenChange={() => {}} />);
    await waitFor(() => expect(screen.queryByLabelText(LABEL)).toBeNull(), WAIT);
    rerender(<SettingsDialog open onOpenChange={() => {}} />);
    await waitFor(() => expect(field().value).toBe(browser), WAIT);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
