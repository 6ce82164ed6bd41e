// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { unwrap } from '../../support/result';
import { apiStory } from '../app/harness';

/**
 * The hint under an environment's variables in "Manage environments…" says whether they are in
 * use: true for the active environment, for another one, and when none is active.
 */

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);

async function editorOf(dialog: HTMLElement, name: string): Promise<HTMLElement> {
  fireEvent.click(await within(dialog).findByRole('button', { name }, { timeout: 15000 }));
  return within(dialog).findByRole('region', { name: `Environment ${name}` }, { timeout: 15000 });
}

describe('the environments editor says when its variables are used', () => {
  it('staging active: in use; dev: only while dev is active, staging is now; none active: says so', async () => {
    const { core } = story.tc;
    for (const name of ['dev', 'staging'])
      unwrap(
        await core['environments.save']({ environment: { name, variables: { baseUrl: story.server.url } } }),
      );
    unwrap(await core['environments.use']({ name: 'staging' }));
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Manage environments…' }, { timeout: 15000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Environments' }, { timeout: 15000 });

    const staging = await editorOf(dialog, 'staging');
    expect(
      await within(staging).findByText(
        'In use as {{name}}: staging is the active environment.',
        {},
        { timeout: 15000 },
      ),
    ).toBeTruthy();

    const dev = await editorOf(dialog, 'dev');
    expect(
      within(dev).getByText(
        'Used as {{name}} only while dev is the active environment; staging is active now.',
      ),
    ).toBeTruthy();
    expect(within(dev).queryByText(/In use/)).toBeNull();

    fireEvent.click(within(dev).getByRole('button', { name: 'Make active' }));
    expect(
      await within(dev).findByText(
        'In use as {{name}}: dev is the active environment.',
        {},
        { timeout: 15000 },
      ),
    ).toBeTruthy();

    unwrap(await core['environments.use']({ name: null }));
    expect(
      await within(dev).findByText(
        'Used as {{name}} only while dev is the active environment; no environment is active now.',
        {},
        { timeout: 15000 },
      ),
    ).toBeTruthy();
  });
});
