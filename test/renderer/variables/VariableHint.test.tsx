// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { apiStory } from '../app/harness';

/** Hovering or focusing a {{variable}} shows its value for the active profile and where it is defined. */
const story = apiStory((base) => [
  { name: 'alice', color: '#7c5cff', variables: { base, token: 'alice-token' } },
  { name: 'bob', color: '#14b8a6', variables: { base } as Record<string, string> },
]);

/** Puts the caret at `at` in a text field, as clicking or arrowing there would. */
function caretAt(el: HTMLInputElement, at: number) {
  el.focus();
  el.setSelectionRange(at, at);
  fireEvent.select(el);
}

describe('variable hints', () => {
  it('the caret on {{base}} in the URL shows its value and source; bob sees his own, and an unknown name says so', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' });
    const url = screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
    fireEvent.change(url, { target: { value: '{{base}}/profile?t={{token}}' } });
    caretAt(url, 3);
    const hint = await screen.findByText(/^\{\{base\}\} = /);
    expect(hint.textContent).toBe(`{{base}} = ${story.server.url} · from alice's variables`);
    caretAt(url, '{{base}}/profile?t={{to'.length);
    expect(await screen.findByText("{{token}} = alice-token · from alice's variables")).toBeTruthy();

    act(() => useProfilesStore.getState().setActive('bob'));
    caretAt(url, '{{base}}/profile?t={{to'.length);
    expect(await screen.findByText('{{token}} is not defined for bob')).toBeTruthy();
    caretAt(url, '{{base}}/pro'.length);
    expect(document.querySelector('.ui-var-hint')).toBeNull(); // the caret left the variable
  });

  it('a header value names its variables on hover (title) and at the caret', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' });
    fireEvent.mouseDown(screen.getByRole('tab', { name: /^Headers/ }));
    const table = await screen.findByRole('table', { name: 'Headers' });
    const value = within(table).getByRole<HTMLInputElement>('textbox', { name: 'New headers value' });
    fireEvent.change(value, { target: { value: 'Bearer {{token}}' } });
    const filled = within(table).getByRole<HTMLInputElement>('textbox', { name: 'Headers value 1' });
    expect(filled.title).toBe("{{token}} = alice-token · from alice's variables");
    caretAt(filled, 'Bearer {{t'.length);
    expect(
      await screen.findByText("{{token}} = alice-token · from alice's variables", {
        selector: '[role=status]',
      }),
    ).toBeTruthy();
  });
});
