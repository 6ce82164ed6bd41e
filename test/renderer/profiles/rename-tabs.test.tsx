// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { apiStory, resetStores } from '../app/harness';

/**
 * Renaming alice in the app keeps the tab's response she had: shown as alice2's at once, saved
 * in the workspace's tabs under alice2 (not written back under alice), and there after a restart.
 */

const story = apiStory((base) => [{ name: 'alice', color: '#7c5cff', variables: { base } }]);

const savedLastSent = async () => {
  const r = await story.tc.core['tabs.get']({});
  if (!r.ok) throw new Error(r.error.message);
  return Object.keys(r.value.tabs[0]?.lastSent ?? {});
};

describe('renaming a profile in the app', () => {
  it("alice's response in the open tab is alice2's after the rename, also after a restart", async () => {
    render(<App />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'URL' }, { timeout: 15000 }), {
      target: { value: '{{base}}/login?user=alice' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send as alice' }, { timeout: 15000 }));
    expect(await screen.findByText('200 OK', {}, { timeout: 15000 })).toBeTruthy();
    await waitFor(async () => expect(await savedLastSent()).toEqual(['alice']), { timeout: 15000 });

    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions for alice' }), { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Rename…' }, { timeout: 15000 }));
    const input = await screen.findByRole('textbox', { name: 'Profile name' }, { timeout: 15000 });
    fireEvent.change(input, { target: { value: 'alice2' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);

    expect(await screen.findByRole('button', { name: 'Send as alice2' }, { timeout: 15000 })).toBeTruthy();
    expect(screen.getByText('200 OK')).toBeTruthy();
    await waitFor(async () => expect(await savedLastSent()).toEqual(['alice2']), { timeout: 15000 });

    // A restart: the tab comes back from the workspace with alice2's response, read from her history.
    cleanup();
    resetStores('alice2');
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Send as alice2' }, { timeout: 15000 })).toBeTruthy();
    expect(await screen.findByText('200 OK', {}, { timeout: 15000 })).toBeTruthy();
    expect(Object.keys(useRequestStore.getState().responses)).toEqual(['alice2']);
  });
});
