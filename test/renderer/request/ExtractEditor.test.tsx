// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { isDirty } from '../../../renderer/src/features/request/tabs';
import { apiStory } from '../app/harness';

/**
 * The Extract pane of a saved request: rules typed as a user would, checked inline, saved with
 * Ctrl+S, and applied on Send (the response's "extracted" line, the profile's variable).
 */

const story = apiStory((base) => [{ name: 'alice', color: '#7c5cff', variables: { base } }]);
const WAIT = { timeout: 15000 };

async function savedRequest() {
  const { core } = story.tc;
  const c = await core['collections.create']({ name: 'Tokens' });
  if (!c.ok) throw new Error(c.error.message);
  const spec = {
    method: 'GET',
    url: '{{base}}/cookies/set?csrf=9f2a1c3e4b5d6a7b',
    headers: [],
    body: { type: 'none' as const },
  };
  const saved = await core['collections.saveRequest']({
    collectionId: c.value.id,
    request: { name: 'Get token', folder: '', request: spec },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  return { collectionId: c.value.id, requestId: saved.value.id, spec };
}

describe('the Extract pane', { timeout: 120_000 }, () => {
  it('rules are checked inline, saved with Ctrl+S and applied on Send: csrf = 9f2a… → alice', async () => {
    const { core } = story.tc;
    const { collectionId, requestId, spec } = await savedRequest();
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    await waitFor(() => expect(useCollectionsStore.getState().byId[collectionId]).toBeTruthy(), WAIT);
    act(() => {
      useRequestStore.getState().openRequest(spec, { collectionId, requestId, name: 'Get token' });
    });

    const tab = screen.getByRole('tab', { name: /^Extract/ });
    fireEvent.mouseDown(tab);
    fireEvent.click(tab);
    expect(await screen.findByText('No extraction rules.', {}, WAIT)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '+ Add rule' }));

    // Half typed: one line says what is wrong, and the fields point at it.
    const name = screen.getByRole('textbox', { name: 'Variable name 1' });
    expect(screen.getByRole('alert').textContent).toBe('Give the variable a name');
    fireEvent.change(name, { target: { value: '1csrf' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^'1csrf' is not a variable name/);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(name, { target: { value: 'csrf' } });
    expect(screen.getByRole('alert').textContent).toBe('JSON path needs an expression');
    const expr = () => screen.getByRole('textbox', { name: 'Expression 1' });
    fireEvent.change(expr(), { target: { value: 'cookies.csrf' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^A JSON path starts with \$/);

    // A broken regex is refused with the pattern's own reason; Ctrl+S (from another pane) does
    // not save it and brings the Extract pane back with the error.
    fireEvent.change(screen.getByRole('combobox', { name: 'Source 1' }), { target: { value: 'regex' } });
    fireEvent.change(expr(), { target: { value: 'csrf=([0-9a-f' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^Bad pattern: /);
    const headers = screen.getByRole('tab', { name: /^Headers/ });
    fireEvent.mouseDown(headers);
    fireEvent.click(headers);
    await waitFor(() => expect(screen.queryByRole('table', { name: 'Extraction rules' })).toBeNull(), WAIT);
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    // The workbench notice says why (until dismissed); the pane shows the rule's own error.
    const notice = await screen.findByText(
      /^Could not save “Get token”: Extract rule 1: Bad pattern/,
      {},
      WAIT,
    );
    fireEvent.click(within(notice.parentElement as HTMLElement).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Bad pattern: /), WAIT);
    const before = await core['collections.list']({});
    expect(before.ok && before.value[0].requests[0].extract).toBeUndefined();

    fireEvent.change(screen.getByRole('combobox', { name: 'Source 1' }), { target: { value: 'json' } });
    fireEvent.change(expr(), { target: { value: '$.cookies.csrf' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('tab', { name: /^Extract/ }).textContent).toBe('Extract1');
    const active = () => useRequestStore.getState().tabs[useRequestStore.getState().activeId];
    expect(isDirty(active())).toBe(true);

    // Ctrl+S saves the rules with the request; the tab is clean again.
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(async () => {
      const list = await core['collections.list']({});
      expect(list.ok && list.value[0].requests[0].extract).toEqual([
        { name: 'csrf', source: 'json', expr: '$.cookies.csrf' },
      ]);
    }, WAIT);
    await waitFor(() => expect(isDirty(active())).toBe(false), WAIT);

    // Send: the response says what was taken, into whose variables.
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const notes = await screen.findByRole('region', { name: 'Session' }, WAIT);
    expect(within(notes).getByText('csrf = 9f2a1c3e4b5d… → alice')).toBeTruthy();
    const profiles = await core['profiles.list']({});
    const alice = profiles.ok ? profiles.value.find((p) => p.name === 'alice') : undefined;
    expect(alice?.variables?.csrf).toBe('9f2a1c3e4b5d6a7b');
  });

  it('the saved rules show in a newly opened tab, and removing the last one saves "none"', async () => {
    const { core } = story.tc;
    const { collectionId, requestId, spec } = await savedRequest();
    await core['collections.saveRequest']({
      collectionId,
      request: {
        id: requestId,
        name: 'Get token',
        folder: '',
        request: spec,
        extract: [{ name: 'landed', source: 'url', expr: '' }],
      },
    });
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    await waitFor(
      () => expect(useCollectionsStore.getState().byId[collectionId]?.requests[0].extract).toHaveLength(1),
      WAIT,
    );
    act(() => {
      useRequestStore.getState().openRequest(spec, { collectionId, requestId, name: 'Get token' });
    });
    const tab = screen.getByRole('tab', { name: /^Extract/ });
    fireEvent.mouseDown(tab);
    fireEvent.click(tab);
    const table = await screen.findByRole('table', { name: 'Extraction rules' }, WAIT);
    expect((within(table).getByRole('textbox', { name: 'Variable name 1' }) as HTMLInputElement).value).toBe(
      'landed',
    );
    expect((within(table).getByRole('combobox', { name: 'Source 1' }) as HTMLSelectElement).value).toBe(
      'url',
    );
    expect((within(table).getByRole('textbox', { name: 'Expression 1' }) as HTMLInputElement).disabled).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const notes = await screen.findByRole('region', { name: 'Session' }, WAIT);
    expect(within(notes).getByText(/^landed = http:\/\/127\.0… → alice$/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove rule landed' }));
    fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(async () => {
      const list = await core['collections.list']({});
      expect(list.ok && list.value[0].requests[0].extract).toBeUndefined();
    }, WAIT);
  });
});
