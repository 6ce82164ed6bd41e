// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { unwrap } from '../../support/result';
import { apiStory } from '../app/harness';

/**
 * "Manage environments…" beside the switcher: create, fill, flag production, make active, and a
 * send resolves {{baseUrl}} from the environment; the core's refusals show one line and change nothing.
 */

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);

async function openManager() {
  render(<App />);
  fireEvent.click(await screen.findByRole('button', { name: 'Manage environments…' }, { timeout: 15000 }));
  return screen.findByRole('dialog', { name: 'Environments' }, { timeout: 15000 });
}

describe('managing environments in the app', () => {
  it('creates staging with baseUrl, flags it production, makes it active, and a send reads it', async () => {
    const dialog = await openManager();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New environment name' }), {
      target: { value: 'staging' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    const editor = await within(dialog).findByRole(
      'region',
      { name: 'Environment staging' },
      { timeout: 15000 },
    );
    // "Created staging" is said once the editor shows staging, and stays.
    expect((await within(dialog).findByRole('status', {}, { timeout: 15000 })).textContent).toBe(
      'Created staging',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(within(dialog).getByRole('status').textContent).toBe('Created staging');
    fireEvent.change(within(editor).getByRole('textbox', { name: 'New variables name' }), {
      target: { value: 'baseUrl' },
    });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Variables value 1' }), {
      target: { value: story.server.url },
    });
    fireEvent.click(within(editor).getByRole('checkbox', { name: 'Production' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await within(editor).findByText('Saved staging', {}, { timeout: 15000 });
    const saved = unwrap(await story.tc.core['environments.list']({})).environments;
    expect(saved).toEqual([{ name: 'staging', production: true, variables: { baseUrl: story.server.url } }]);

    fireEvent.click(within(editor).getByRole('button', { name: 'Make active' }));
    await waitFor(
      async () => expect(unwrap(await story.tc.core['environments.list']({})).active).toBe('staging'),
      { timeout: 15000 },
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(
      await screen.findByText('PROD', { selector: '.env-switcher-badge' }, { timeout: 15000 }),
    ).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: '{{baseUrl}}/login?user=alice' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    expect(await screen.findByText('200 OK', {}, { timeout: 15000 })).toBeTruthy();
    const sent = unwrap(await story.tc.core['history.list']({ profile: 'alice' }));
    expect(sent[0].url).toBe(`${story.server.url}/login?user=alice`);
  });

  it('a bad name shows the one-line error and creates nothing; deleting asks first', async () => {
    unwrap(await story.tc.core['environments.save']({ environment: { name: 'local', variables: {} } }));
    const dialog = await openManager();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New environment name' }), {
      target: { value: 'bad name!' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    const alert = await within(dialog).findByRole('alert', {}, { timeout: 15000 });
    expect(alert.textContent).toContain('an environment name: letters, digits');
    expect(alert.textContent).not.toContain('\n');
    expect(unwrap(await story.tc.core['environments.list']({})).environments.map((e) => e.name)).toEqual([
      'local',
    ]);

    // Creating a name that exists says so and keeps the existing environment as it was.
    unwrap(
      await story.tc.core['environments.save']({ environment: { name: 'local', variables: { a: '1' } } }),
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'New environment name' }), {
      target: { value: 'local' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(
      () =>
        expect(within(dialog).getByRole('alert').textContent).toBe(
          "An environment named 'local' already exists",
        ),
      { timeout: 15000 },
    );
    expect(unwrap(await story.tc.core['environments.list']({})).environments).toEqual([
      { name: 'local', variables: { a: '1' } },
    ]);

    fireEvent.click(await within(dialog).findByRole('button', { name: 'local' }, { timeout: 15000 }));
    const editor = await within(dialog).findByRole(
      'region',
      { name: 'Environment local' },
      { timeout: 15000 },
    );
    fireEvent.click(within(editor).getByRole('button', { name: 'Delete' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete environment' }, { timeout: 15000 }));
    await waitFor(
      async () => expect(unwrap(await story.tc.core['environments.list']({})).environments).toEqual([]),
      { timeout: 15000 },
    );
  });

  it("keeps alice's own value on staging", async () => {
    unwrap(
      await story.tc.core['environments.save']({ environment: { name: 'staging', variables: { u: 'x' } } }),
    );
    const dialog = await openManager();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'staging' }, { timeout: 15000 }));
    const editor = await within(dialog).findByRole(
      'region',
      { name: 'Environment staging' },
      { timeout: 15000 },
    );
    fireEvent.change(await within(editor).findByRole('combobox', { name: 'Profile' }, { timeout: 15000 }), {
      target: { value: 'alice' },
    });
    const table = await within(editor).findByRole('table', { name: 'Values of alice' }, { timeout: 15000 });
    fireEvent.change(within(table).getByRole('textbox', { name: 'New values of alice name' }), {
      target: { value: 'password' },
    });
    fireEvent.change(within(table).getByRole('textbox', { name: 'Values of alice value 1' }), {
      target: { value: 's3cret' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(
      async () =>
        expect(unwrap(await story.tc.core['environments.list']({})).environments[0]).toEqual({
          name: 'staging',
          variables: { u: 'x' },
          profiles: { alice: { password: 's3cret' } },
        }),
      { timeout: 15000 },
    );
  });

  it('edits the global variables', async () => {
    const dialog = await openManager();
    const editor = within(dialog).getByRole('region', { name: 'Global variables' });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'New variables name' }), {
      target: { value: 'tenant' },
    });
    fireEvent.change(within(editor).getByRole('textbox', { name: 'Variables value 1' }), {
      target: { value: 'acme' },
    });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(
      async () =>
        expect(unwrap(await story.tc.core['environments.list']({})).globals).toEqual({ tenant: 'acme' }),
      { timeout: 15000 },
    );
  });
});
