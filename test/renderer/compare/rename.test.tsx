// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useCompareStore } from '../../../renderer/src/features/compare/store';
import { apiStory } from '../app/harness';

/** alice and bob chosen to compare (not carol); alice renamed alice2 stays chosen under her new name. */

apiStory((base) =>
  ['alice', 'bob', 'carol'].map((name) => ({ name, color: '#7c5cff', variables: { base } })),
);

describe('the compare choice follows a renamed profile', () => {
  it('Compare still sends as alice2 and bob after alice is renamed', async () => {
    useCompareStore.setState({ selected: [] });
    render(<App />);
    fireEvent.change(await screen.findByRole('textbox', { name: 'URL' }, { timeout: 15000 }), {
      target: { value: '{{base}}/profile' },
    });
    await screen.findByRole('button', { name: 'Send as alice' }, { timeout: 15000 });
    useCompareStore.getState().setSelected(['alice', 'bob']);
    expect((await screen.findByRole('button', { name: /^Compare 2$/ })).getAttribute('title')).toBe(
      'Send as alice, bob side by side',
    );

    fireEvent.keyDown(screen.getByRole('button', { name: 'Actions for alice' }), { key: 'Enter' });
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Rename…' }, { timeout: 15000 }));
    const input = await screen.findByRole('textbox', { name: 'Profile name' }, { timeout: 15000 });
    fireEvent.change(input, { target: { value: 'alice2' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    await screen.findByRole('button', { name: 'Send as alice2' }, { timeout: 15000 });
    expect(screen.getByRole('button', { name: /^Compare 2$/ }).getAttribute('title')).toBe(
      'Send as alice2, bob side by side',
    );
  });
});
