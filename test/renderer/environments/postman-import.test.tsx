// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { unwrap } from '../../support/result';
import { apiStory } from '../app/harness';

/**
 * "Import Postman environment…" in the environments dialog, as a user, on a real core: pick the
 * file, read the preview, Import; the switcher offers the new environment. When another process
 * takes the name between the preview and Import, the fresh preview (or the core's refusal)
 * is one line, Import is disabled, and its environment is not overwritten.
 */

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);
const FIXTURE = path.join(
  __dirname,
  '..',
  '..',
  'core',
  'environments',
  'fixtures',
  'qa.postman_environment.json',
);

async function pickFile() {
  render(<App />);
  fireEvent.click(await screen.findByRole('button', { name: 'Manage environments…' }, { timeout: 15000 }));
  const manager = await screen.findByRole('dialog', { name: 'Environments' }, { timeout: 15000 });
  fireEvent.click(within(manager).getByRole('button', { name: 'Import Postman environment…' }));
  const dialog = await screen.findByRole(
    'dialog',
    { name: 'Import Postman environment' },
    { timeout: 15000 },
  );
  const file = new File([await fs.readFile(FIXTURE, 'utf8')], 'qa.postman_environment.json', {
    type: 'application/json',
  });
  fireEvent.change(within(dialog).getByLabelText('Postman environment file'), { target: { files: [file] } });
  const preview = await within(dialog).findByRole(
    'region',
    { name: 'Postman environment preview' },
    { timeout: 15000 },
  );
  return { manager, dialog, preview };
}

describe('importing a Postman environment in the app', () => {
  it('previews, imports, and the switcher offers it', async () => {
    const { manager, dialog, preview } = await pickFile();
    expect(preview.textContent).toContain('Will create environment QA-server');
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('oldHostdisabled in Postman: left out');
    expect(unwrap(await story.tc.core['environments.list']({})).environments).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 4 variables' }));
    await within(manager).findByText(
      'Imported QA-server from qa.postman_environment.json: 4 variables',
      {},
      { timeout: 15000 },
    );
    const editor = within(manager).getByRole('region', { name: 'Environment QA-server' });
    expect(
      (within(editor).getByRole('textbox', { name: 'Variables value 2' }) as HTMLInputElement).value,
    ).toBe('k-123');
    fireEvent.click(within(manager).getByRole('button', { name: 'Done' }));
    const switcher = await screen.findByRole('combobox', { name: 'Environment' }, { timeout: 15000 });
    expect(within(switcher).getByRole('option', { name: 'QA-server' })).toBeTruthy();
    expect(unwrap(await story.tc.core['environments.list']({})).environments).toEqual([
      {
        name: 'QA-server',
        variables: { baseUrl: 'https://qa.example.test', apiKey: 'k-123', refreshToken: '', retries: '3' },
      },
    ]);
  });

  it('a name taken after the preview is refused in one line; the other environment is kept', async () => {
    const { dialog } = await pickFile();
    unwrap(
      await story.tc.core['environments.save']({
        environment: { name: 'qa-server', variables: { keep: 'me' } },
      }),
    );
    // Import as soon as the name is taken: refused by the core, or already by the fresh preview.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 4 variables' }));
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 15000 });
    expect(alert.textContent).toMatch(/^An environment named 'QA-server' already exists/);
    await waitFor(
      () =>
        expect(alert.textContent).toBe(
          "An environment named 'QA-server' already exists: choose another name",
        ),
      { timeout: 15000 },
    );
    expect(
      (within(dialog).getByRole('button', { name: 'Import 4 variables' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    await waitFor(() =>
      expect(screen.getByRole('dialog', { name: 'Import Postman environment' })).toBeTruthy(),
    );
    expect(unwrap(await story.tc.core['environments.list']({})).environments).toEqual([
      { name: 'qa-server', variables: { keep: 'me' } },
    ]);
  });
});
