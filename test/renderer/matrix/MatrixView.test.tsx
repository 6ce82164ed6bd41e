// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MatrixView } from '../../../renderer/src/features/matrix/MatrixView';
import { startMatrix } from './harness';

const cellButton = (name: RegExp) => screen.getByRole('button', { name });

describe('the access matrix', () => {
  it('runs the Session folder as alice, bob and anonymous; expectations show ✓ and ✗; a cell shows its response', async () => {
    await startMatrix();
    render(<MatrixView />);
    const folder = await screen.findByRole('combobox', { name: 'Folder' });
    expect(
      (screen.getByRole('combobox', { name: 'Collection' }) as HTMLSelectElement).selectedOptions[0].text,
    ).toBe('Demo API');
    fireEvent.change(folder, { target: { value: 'Session' } });
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Request', 'alice', 'bob', 'anonymous']);
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.querySelector('.matrix-row-name')?.textContent),
    ).toEqual(['Login page', 'Log in', 'Who am I', 'Log out']);

    // The sample's saved expectations are shown: anonymous should be denied "Who am I".
    const anonExpect = screen.getByRole('button', { name: 'expect deny for Who am I as anonymous' });
    expect(anonExpect.textContent).toContain('expect deny');
    // bob is wrongly expected to be denied (allow → deny), from the cell's menu.
    fireEvent.keyDown(screen.getByRole('button', { name: 'expect allow for Who am I as bob' }), {
      key: 'Enter',
    });
    fireEvent.click(await screen.findByRole('menuitem', { name: /^Deny/ }, { timeout: 15000 }));
    await screen.findByRole('button', { name: 'expect deny for Who am I as bob' }, { timeout: 15000 });

    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^12 of 12 cells/), {
      timeout: 15000,
    });
    expect(screen.getByRole('status').textContent).toContain('11 as expected · 1 not');
    expect(cellButton(/^Who am I as alice: 200 allow, as expected$/)).toBeTruthy();
    expect(cellButton(/^Who am I as anonymous: 401 deny, as expected$/)).toBeTruthy();
    expect(cellButton(/^Who am I as bob: 200 allow, not as expected$/)).toBeTruthy();
    expect(cellButton(/^Log in as anonymous: 401 deny, as expected$/).closest('td')?.className).toContain(
      'is-deny',
    );

    fireEvent.click(cellButton(/^Who am I as alice/));
    const detail = screen.getByRole('region', { name: 'Cell response' });
    expect(detail.textContent).toMatch(/"user": ?"alice"/);
    expect(within(detail).getByText('200 OK')).toBeTruthy();
  });

  it('Cancel stops a run: the slow request is cut short and the rows after it never run', async () => {
    const { core } = await startMatrix();
    const made = await core['collections.create']({ name: 'Slow' });
    if (!made.ok) throw new Error(made.error.message);
    const get = (url: string) => ({ method: 'GET', url, headers: [], body: { type: 'none' as const } });
    for (const [name, url] of [
      ['Fast', '{{baseUrl}}/profile'],
      ['Slow', '{{baseUrl}}/delay/10000'],
      ['Never', '{{baseUrl}}/profile'],
    ])
      await core['collections.saveRequest']({
        collectionId: made.value.id,
        request: { name, folder: '', request: get(url) },
      });
    render(<MatrixView />);
    const select = await screen.findByRole('combobox', { name: 'Collection' });
    fireEvent.change(select, { target: { value: made.value.id } });
    for (const p of ['bob', 'anonymous'])
      fireEvent.click(screen.getByRole('button', { name: p, pressed: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    // alice's login recipe runs first, so /profile answers her.
    await screen.findByRole('button', { name: /^Fast as alice: 200 allow$/ });
    expect(screen.getByRole('status').textContent).toMatch(/^Running… 1 of 3 cells/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('cancelled'));
    expect(screen.getByRole('button', { name: 'Never as alice: not run' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Slow as alice: not run' })).toBeTruthy();
  });

  it('a workspace with no collections says how to get one', async () => {
    await startMatrix(false);
    render(<MatrixView />);
    expect(await screen.findByText('No collections yet')).toBeTruthy();
  });
});
