// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { unwrap } from '../../support/result';
import { apiStory } from '../app/harness';

/**
 * Renaming an environment in "Manage environments…", as a user: the switcher shows the new name,
 * still active, its variables (and alice's own values on it) still there, and what was typed but
 * not yet saved is kept; a bad or taken name shows one line and changes nothing.
 */

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);

const staging = {
  name: 'staging',
  variables: { baseUrl: 'https://staging.example' },
  profiles: { alice: { password: 's3cret' } },
};

async function openStaging() {
  unwrap(await story.tc.core['environments.save']({ environment: staging }));
  unwrap(await story.tc.core['environments.save']({ environment: { name: 'dev', variables: {} } }));
  unwrap(await story.tc.core['environments.use']({ name: 'staging' }));
  render(<App />);
  const switcher = await screen.findByRole('combobox', { name: 'Environment' }, { timeout: 15000 });
  await waitFor(() => expect((switcher as HTMLSelectElement).value).toBe('staging'), { timeout: 15000 });
  fireEvent.click(screen.getByRole('button', { name: 'Manage environments…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Environments' }, { timeout: 15000 });
  fireEvent.click(await within(dialog).findByRole('button', { name: 'staging' }, { timeout: 15000 }));
  const editor = await within(dialog).findByRole(
    'region',
    { name: 'Environment staging' },
    { timeout: 15000 },
  );
  return { switcher: switcher as HTMLSelectElement, dialog, editor };
}

const typeName = (editor: HTMLElement, name: string) => {
  fireEvent.click(within(editor).getByRole('button', { name: 'Rename…' }));
  const form = within(editor).getByRole('form', { name: 'Rename staging' });
  fireEvent.change(within(form).getByRole('textbox', { name: 'Environment name' }), {
    target: { value: name },
  });
  fireEvent.click(within(form).getByRole('button', { name: 'Rename' }));
  return form;
};

describe('renaming an environment in the app', () => {
  it('the switcher shows the new name, still active, with its variables and an unsaved edit kept', async () => {
    const { switcher, dialog, editor } = await openStaging();
    // A value typed but not saved yet survives the rename.
    fireEvent.change(within(editor).getByRole('textbox', { name: 'New variables name' }), {
      target: { value: 'tenant' },
    });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Variables value 2' }), {
      target: { value: 'acme' },
    });
    typeName(editor, 'qa');

    const renamed = await within(dialog).findByRole('region', { name: 'Environment qa' }, { timeout: 15000 });
    expect(await within(renamed).findByText('Renamed staging to qa', {}, { timeout: 15000 })).toBeTruthy();
    await waitFor(() => expect(within(dialog).queryByRole('button', { name: 'staging' })).toBeNull(), {
      timeout: 15000,
    });
    expect(within(dialog).getByRole('button', { name: 'qa' }).getAttribute('aria-current')).toBe('true');
    expect(
      (within(renamed).getByRole('textbox', { name: 'Variables value 1' }) as HTMLInputElement).value,
    ).toBe('https://staging.example');
    expect(
      (within(renamed).getByRole('textbox', { name: 'Variables value 2' }) as HTMLInputElement).value,
    ).toBe('acme');
    expect(
      (within(renamed).getByRole('textbox', { name: 'Values of alice value 1' }) as HTMLInputElement).value,
    ).toBe('s3cret');
    await waitFor(() => expect(switcher.value).toBe('qa'), { timeout: 15000 });
    expect([...switcher.options].map((o) => o.value)).toEqual(['', 'dev', 'qa']);

    fireEvent.click(within(renamed).getByRole('button', { name: 'Save' }));
    await within(renamed).findByText('Saved qa', {}, { timeout: 15000 });
    const view = unwrap(await story.tc.core['environments.list']({}));
    expect(view.active).toBe('qa');
    expect(view.environments.find((e) => e.name === 'qa')).toEqual({
      ...staging,
      name: 'qa',
      variables: { baseUrl: 'https://staging.example', tenant: 'acme' },
    });
  });

  it('a bad or taken name shows one line and changes nothing; Escape ends the edit, not the dialog', async () => {
    const { switcher, dialog, editor } = await openStaging();
    for (const [name, message] of [
      ['bad name!', /an environment name: letters, digits/],
      ['dev', /^An environment named 'dev' already exists$/],
    ] as const) {
      const form = typeName(editor, name);
      const alert = await within(form).findByRole('alert', {}, { timeout: 15000 });
      expect(alert.textContent).toMatch(message);
      expect(alert.textContent).not.toContain('\n');
      fireEvent.keyDown(within(form).getByRole('textbox', { name: 'Environment name' }), { key: 'Escape' });
      await waitFor(() => expect(within(editor).queryByRole('form')).toBeNull(), { timeout: 15000 });
      expect(screen.getByRole('dialog', { name: 'Environments' })).toBe(dialog);
    }
    expect(within(editor).getByRole('heading', { name: 'staging' })).toBeTruthy();
    const view = unwrap(await story.tc.core['environments.list']({}));
    expect(view.active).toBe('staging');
    expect(view.environments.map((e) => e.name)).toEqual(['dev', 'staging']);
    expect(switcher.value).toBe('staging');
  });
});
