// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useCollectionsStore } from '../../../renderer/src/features/collections/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { unwrap } from '../../support/result';
import { apiStory } from '../app/harness';

/**
 * The environment switcher beside the profiles (production in the warning colour), and a saved
 * request's checks: shown pass/fail above its response, edited in the Checks tab.
 */

const story = apiStory((base) => [{ name: 'alice', color: '#7c5cff', variables: { base } }]);

async function seed() {
  const core = story.tc.core;
  unwrap(await core['environments.save']({ environment: { name: 'staging', variables: { who: 'stage' } } }));
  unwrap(
    await core['environments.save']({
      environment: { name: 'production', production: true, variables: { who: 'prod' } },
    }),
  );
  const c = unwrap(await core['collections.create']({ name: 'Checked' }));
  const saved = unwrap(
    await core['collections.saveRequest']({
      collectionId: c.id,
      request: {
        name: 'log in',
        folder: '',
        request: { method: 'GET', url: '{{base}}/login?user={{who}}', headers: [], body: { type: 'none' } },
      },
    }),
  );
  unwrap(
    await core['collections.setChecks']({
      collectionId: c.id,
      requestId: saved.id,
      checks: [
        { kind: 'status', op: 'equals', target: '', value: '200' },
        { kind: 'json', op: 'equals', target: '$.ok', value: 'true' },
        { kind: 'status', op: 'range', target: '', value: '4xx' },
      ],
    }),
  );
  return { c, saved };
}

describe('environments and checks in the app', () => {
  it('the switcher lists environments, makes one active in the core, and flags production', async () => {
    await seed();
    render(<App />);
    const select = await screen.findByRole<HTMLSelectElement>(
      'combobox',
      { name: 'Environment' },
      { timeout: 15000 },
    );
    await waitFor(
      () =>
        expect([...select.options].map((o) => o.textContent)).toEqual([
          'No environment',
          'production ⚠',
          'staging',
        ]),
      { timeout: 15000 },
    );
    fireEvent.change(select, { target: { value: 'staging' } });
    await waitFor(
      async () => expect(unwrap(await story.tc.core['environments.list']({})).active).toBe('staging'),
      {
        timeout: 15000,
      },
    );
    expect(screen.queryByText('PROD')).toBeNull();
    fireEvent.change(select, { target: { value: 'production' } });
    expect(await screen.findByText('PROD', {}, { timeout: 15000 })).toBeTruthy();
    expect(select.closest('.env-switcher')?.classList.contains('is-production')).toBe(true);
  });

  it('a saved request sent in staging shows which checks held, and the Checks tab edits them', async () => {
    const { c, saved } = await seed();
    unwrap(await story.tc.core['environments.use']({ name: 'staging' }));
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, { timeout: 15000 });
    await waitFor(() => expect(useCollectionsStore.getState().byId[c.id]).toBeTruthy(), { timeout: 15000 });
    act(() => {
      useRequestStore
        .getState()
        .openRequest(saved.request, { collectionId: c.id, requestId: saved.id, name: saved.name });
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send as alice' }, { timeout: 15000 }));
    const results = await screen.findByRole('region', { name: 'Checks' }, { timeout: 15000 });
    expect(within(results).getByText('1 of 3 checks failed')).toBeTruthy();
    const items = within(results).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-pass'))).toEqual(['true', 'true', 'false']);
    expect(items[2].textContent).toContain('status in 4xx');
    expect(items[2].textContent).toContain('got 200');
    // the environment answered {{who}}: the request went out as user=stage
    const sent = unwrap(await story.tc.core['history.list']({ profile: 'alice' }));
    expect(sent[0].url).toContain('user=stage');

    fireEvent.mouseDown(screen.getByRole('tab', { name: /^Checks/ }));
    const table = await screen.findByRole('table', { name: 'Checks' }, { timeout: 15000 });
    fireEvent.click(within(table).getByRole('button', { name: 'Remove check 3' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save checks' }));
    await waitFor(
      async () => {
        const col = unwrap(await story.tc.core['collections.list']({})).find((x) => x.id === c.id);
        expect(col?.requests[0].checks?.length).toBe(2);
      },
      { timeout: 15000 },
    );
    expect(await screen.findByText('All 2 checks passed', {}, { timeout: 15000 })).toBeTruthy();
  });
});
