// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { Settings } from '../../../main/shared/settings';
import { SettingsDialog } from '../../../renderer/src/features/settings/SettingsDialog';
import { startSettingsSync, useSettingsStore } from '../../../renderer/src/features/settings/store';
import { type BridgedCore, startBridgedCore } from '../../support/core';
import { unwrap } from '../../support/result';

/**
 * The Settings dialog's text and number fields keep what the user is typing when the settings
 * change meanwhile (another window, the CLI, a hand edit: `settings.changed` reloads them); leaving
 * the field saves the typed text. Another process on the same workspace makes the change here.
 */

const WAIT = { timeout: 15_000 };
let app: BridgedCore;
let other: Tandem;
const stops: Array<() => void> = [];

beforeEach(async () => {
  useSettingsStore.setState(useSettingsStore.getInitialState());
  app = await startBridgedCore('tandem-typing-');
  // Another process on the same workspace, as the CLI is: the app's core hears its writes through the file.
  other = await createTandem({ dataDir: app.dataDir, host: 'cli' });
  stops.push(startSettingsSync());
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  cleanup();
  await other.close();
  await app.close();
});

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const saved = async () => unwrap(await app.core['settings.get']({}));

/** Another process changes `patch`; waits until the app's store has it (settings.changed arrived). */
async function changeElsewhere(patch: Partial<Settings>) {
  unwrap(await other['settings.update']({ patch }));
  await waitFor(() => expect(useSettingsStore.getState().settings).toMatchObject(patch), WAIT);
}

async function openDialog() {
  render(<SettingsDialog open onOpenChange={() => {}} />);
  await waitFor(() => expect(useSettingsStore.getState().loaded).toBe(true), WAIT);
}

describe('typing in Settings while the settings change elsewhere', { timeout: 60_000 }, () => {
  it('the proxy typed stays when another process changes the timeout, and is saved when left', async () => {
    await openDialog();
    const proxy = field('Proxy URL');
    fireEvent.focus(proxy);
    fireEvent.change(proxy, { target: { value: 'http://127.0.0.1:3128' } });

    await changeElsewhere({ timeoutMs: 4321 });
    // The field not being edited follows the change; the one being typed in keeps its text.
    await waitFor(() => expect(field('Default timeout (ms, 0 = none)').value).toBe('4321'), WAIT);
    expect(field('Proxy URL').value).toBe('http://127.0.0.1:3128');

    fireEvent.blur(field('Proxy URL'));
    await screen.findByText('Saved', {}, WAIT);
    expect(await saved()).toMatchObject({ proxy: 'http://127.0.0.1:3128', timeoutMs: 4321 });
    expect(field('Proxy URL').value).toBe('http://127.0.0.1:3128');
  });

  it('every text and number field keeps its text through a change elsewhere and saves it when left', async () => {
    const browser = path.join(app.dataDir, 'my-chrome');
    await fs.writeFile(browser, '#!/bin/sh\n', { mode: 0o755 });
    await openDialog();
    const typed: Array<[string, string, Partial<Settings>]> = [
      ['Proxy URL', 'http://127.0.0.1:8080', { proxy: 'http://127.0.0.1:8080' }],
      ['Default timeout (ms, 0 = none)', '5000', { timeoutMs: 5000 }],
      ['Max redirects', '3', { maxRedirects: 3 }],
      ['Body kept in memory (MB)', '2.5', { maxBodyMb: 2.5 }],
      ['Idle timeout (ms, 0 = none)', '0', { idleTimeoutMs: 0 }],
      ['Largest cookie (bytes)', '8192', { maxCookieBytes: 8192 }],
      ['Cookies per domain', '50', { maxCookiesPerDomain: 50 }],
      ['Cookies per profile', '500', { maxCookies: 500 }],
      ['Chrome, Chromium or Edge to start', browser, { browserPath: browser }],
    ];
    let insecure = false;
    for (const [label, text, expected] of typed) {
      fireEvent.focus(field(label));
      fireEvent.change(field(label), { target: { value: text } });
      insecure = !insecure;
      await changeElsewhere({ insecure });
      expect(field(label).value, label).toBe(text);
      fireEvent.blur(field(label));
      await waitFor(async () => expect(await saved()).toMatchObject({ ...expected, insecure }), WAIT);
      expect(screen.queryByRole('alert')).toBeNull();
    }
  });
});
