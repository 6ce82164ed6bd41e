// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MatrixView } from '../../../renderer/src/features/matrix/MatrixView';
import { useMatrixStore } from '../../../renderer/src/features/matrix/store';
import { resetCompareStores } from '../compare/harness';
import { renderSavedSession, startMatrix } from './harness';

/** A cell's expectation set from the grid: a verdict, an exact status or a check, saved with the matrix. */

const WAIT = { timeout: 15000 };

/** Opens a cell's expect menu from the keyboard and picks an item. */
async function pick(cell: string, item: RegExp) {
  fireEvent.keyDown(screen.getByRole('button', { name: new RegExp(`^expect .* for ${cell}$`) }), {
    key: 'Enter',
  });
  fireEvent.click(await screen.findByRole('menuitem', { name: item }, WAIT));
}

const dialog = () => screen.findByRole('dialog', {}, WAIT);

describe('expectations from the grid', () => {
  it('sets a status code and a check in a saved matrix, runs it, shows ✓ and ✗, and reopens them', async () => {
    const tc = await startMatrix();
    const view = await renderSavedSession('roles');

    // A status code out of range is one line; nothing is set.
    await pick('Who am I as alice', /^Status code/);
    let d = await dialog();
    const code = within(d).getByRole('textbox', { name: 'Status code' });
    fireEvent.change(code, { target: { value: '600' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Set' }));
    expect((await within(d).findByRole('alert', {}, WAIT)).textContent).toBe(
      'A status code is from 100 to 599, not 600',
    );
    expect(
      screen.getByRole('button', { name: 'expect allow for Who am I as alice', hidden: true }),
    ).toBeTruthy();
    fireEvent.change(code, { target: { value: '200' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Set' }));
    await screen.findByRole('button', { name: 'expect 200 for Who am I as alice' }, WAIT);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);

    // A check: bob's "Who am I" should name alice (it names bob: ✗). An incomplete one is refused.
    await pick('Who am I as bob', /^Check/);
    d = await dialog();
    fireEvent.change(within(d).getByRole('combobox', { name: 'Check kind' }), { target: { value: 'json' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Set' }));
    expect((await within(d).findByRole('alert', {}, WAIT)).textContent).toBe('a json check needs a JSONPath');
    fireEvent.change(within(d).getByRole('textbox', { name: 'Check target' }), {
      target: { value: '$.user' },
    });
    fireEvent.change(within(d).getByRole('textbox', { name: 'Check value' }), { target: { value: 'alice' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Set' }));
    await screen.findByRole('button', { name: 'expect $.user equals alice for Who am I as bob' }, WAIT);

    // Each is saved to the open matrix at once, keyed by folder/name.
    const file = async () =>
      JSON.parse(await fs.readFile(path.join(tc.core.dataDir, 'matrices', 'roles.json'), 'utf8'));
    await waitFor(async () => {
      expect((await file()).expect['Session/Who am I']).toMatchObject({
        alice: 200,
        bob: { kind: 'json', op: 'equals', target: '$.user', value: 'alice' },
      });
    }, WAIT);

    fireEvent.click(screen.getByRole('button', { name: 'Run matrix' }));
    await screen.findByText(/^12 of 12 cells/, {}, WAIT);
    const alice = screen.getByRole('button', { name: /^Who am I as alice: 200 allow, as expected$/ });
    expect(alice.closest('td')?.className).not.toMatch(/is-unexpected/);
    const bob = screen.getByRole('button', { name: /^Who am I as bob: 200 allow, not as expected$/ });
    expect(bob.querySelector('.matrix-pass.is-fail')?.textContent).toBe('✗');
    // Ringed in red as not expected, while its fill still says allow.
    expect(bob.closest('td')?.className).toMatch(/\bis-allow\b.*\bis-unexpected\b/);
    fireEvent.click(bob);
    expect(screen.getByRole('region', { name: 'Cell response' }).textContent).toContain(
      'Expected $.user equals alice · found bob · not as expected',
    );

    // A check changed after the run is not judged until the next one.
    await pick('Who am I as bob', /^Check/);
    const again = await dialog();
    expect((within(again).getByRole('textbox', { name: 'Check value' }) as HTMLInputElement).value).toBe(
      'alice',
    );
    fireEvent.change(within(again).getByRole('textbox', { name: 'Check value' }), {
      target: { value: 'bob' },
    });
    fireEvent.click(within(again).getByRole('button', { name: 'Set' }));
    await screen.findByRole(
      'button',
      { name: /^Who am I as bob: 200 allow, check not judged until the next run$/ },
      WAIT,
    );

    // Clear takes it away (and from the file).
    await pick('Who am I as anonymous', /^Clear/);
    await screen.findByRole('button', { name: 'expect none for Who am I as anonymous' }, WAIT);
    await waitFor(
      async () => expect((await file()).expect['Session/Who am I'].anonymous).toBeUndefined(),
      WAIT,
    );

    // Reopened in a fresh view, the file brings both back.
    view.unmount();
    resetCompareStores();
    render(<MatrixView />);
    const open = await screen.findByRole<HTMLSelectElement>(
      'combobox',
      { name: 'Open a saved matrix' },
      WAIT,
    );
    await waitFor(() => expect([...open.options].map((o) => o.value)).toContain('roles'), WAIT);
    fireEvent.change(open, { target: { value: 'roles' } });
    await screen.findByText('Opened roles', {}, WAIT);
    expect(screen.getByRole('button', { name: 'expect 200 for Who am I as alice' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'expect $.user equals bob for Who am I as bob' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'expect none for Who am I as anonymous' })).toBeTruthy();
    expect(useMatrixStore.getState().file?.name).toBe('roles');
  });

  it("the core's refusal to save is one line in the dialog and the cell keeps what it had", async () => {
    const tc = await startMatrix();
    await renderSavedSession('roles');
    // The file's place is taken by a folder: the next save cannot write it.
    const where = path.join(tc.core.dataDir, 'matrices', 'roles.json');
    await fs.rm(where);
    await fs.mkdir(path.join(where, 'blocked'), { recursive: true });

    await pick('Who am I as alice', /^Status code/);
    const d = await dialog();
    fireEvent.change(within(d).getByRole('textbox', { name: 'Status code' }), { target: { value: '201' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Set' }));
    const alert = await within(d).findByRole('alert', {}, WAIT);
    expect(alert.textContent?.length).toBeGreaterThan(0);
    expect(alert.textContent).not.toContain('\n');
    expect(
      screen.getByRole('button', { name: 'expect allow for Who am I as alice', hidden: true }),
    ).toBeTruthy();
  });
});
