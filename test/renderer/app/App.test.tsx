// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { apiStory } from './harness';

const ALICE = '#7c5cff';
const BOB = '#14b8a6';

apiStory((base) => [
  { name: 'alice', color: ALICE, variables: { base } },
  { name: 'bob', color: BOB, variables: { base } },
]);

const radio = (name: string) => screen.getByRole<HTMLInputElement>('radio', { name });
const accent = () => document.documentElement.style.getPropertyValue('--profile');

async function renderApp() {
  render(<App />);
  await screen.findByRole('radio', { name: 'alice' });
}

describe('the app frame', () => {
  it('alice, picked last time, is active again; switching to bob recolours the app and the Send button', async () => {
    await renderApp();
    expect(radio('alice').checked).toBe(true);
    expect(accent()).toBe(ALICE);
    expect(screen.getByRole('button', { name: 'Send as alice' })).toBeTruthy();
    expect(screen.getByText(/Send a request as/).textContent).toContain('alice');

    fireEvent.click(screen.getByRole('radio', { name: 'bob' }));
    expect(radio('bob').checked).toBe(true);
    expect(accent()).toBe(BOB);
    expect(screen.getByRole('button', { name: 'Send as bob' })).toBeTruthy();
    expect(localStorage.getItem('tandem.activeProfile')).toBe('bob');
  });

  it('Ctrl+2 switches to bob (the second chip) and Ctrl+1 back to alice', async () => {
    await renderApp();
    expect(screen.getAllByRole('radio').map((r) => r.closest('label')?.textContent)).toEqual([
      'alice',
      'bob',
    ]);
    fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    expect(useProfilesStore.getState().active).toBe('bob');
    expect(screen.getByRole('button', { name: 'Send as bob' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '1', ctrlKey: true });
    expect(useProfilesStore.getState().active).toBe('alice');
    fireEvent.keyDown(window, { key: '9', ctrlKey: true });
    expect(useProfilesStore.getState().active).toBe('alice');
  });

  it('alice logs in with Ctrl+Enter; bob, who did not, sees his own empty state, then a 401', async () => {
    await renderApp();
    const url = screen.getByRole('textbox', { name: 'URL' });
    fireEvent.change(url, { target: { value: '{{base}}/login?user=alice' } });
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    expect(await screen.findByText('200 OK')).toBeTruthy();
    expect(screen.getByText('alice', { selector: '.response-as .response-profile' })).toBeTruthy();

    fireEvent.change(url, { target: { value: '{{base}}/profile' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await waitFor(() => expect(screen.getAllByText('200 OK')).toHaveLength(1));

    fireEvent.click(screen.getByRole('radio', { name: 'bob' }));
    expect(screen.getByText(/Send a request as/).textContent).toContain('bob');
    fireEvent.click(screen.getByRole('button', { name: 'Send as bob' }));
    expect(await screen.findByText('401 Unauthorized')).toBeTruthy();

    // back to alice: her last response for this request is still there
    fireEvent.click(screen.getByRole('radio', { name: 'alice' }));
    expect(screen.getByText('200 OK')).toBeTruthy();
  });

  it('the profile panel and the sidebar are labelled, and the side panel can be hidden', async () => {
    await renderApp();
    const side = screen.getByRole('complementary', { name: /alice jar and settings/ });
    expect(within(side).getByRole('tab', { name: 'Cookies' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Collections and history' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hide jar panel' }));
    });
    expect(screen.queryByRole('complementary', { name: /jar and settings/ })).toBeNull();
  });
});
