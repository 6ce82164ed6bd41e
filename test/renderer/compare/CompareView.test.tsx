// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ResponseArea } from '../../../renderer/src/features/compare/CompareView';
import { useCompareStore } from '../../../renderer/src/features/compare/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { RequestEditor } from '../../../renderer/src/features/request/RequestEditor';
import { resetStores } from '../app/harness';
import { logIn, resetCompareStores, startDemoCore } from './harness';

let tc: Awaited<ReturnType<typeof startDemoCore>>;

beforeEach(async () => {
  resetStores('alice');
  resetCompareStores();
  tc = await startDemoCore();
  await useProfilesStore.getState().load();
});
afterEach(async () => {
  cleanup();
  await tc.close();
});

describe('compare profiles side by side', () => {
  it('alice is logged in, bob and anonymous are not: the columns and the diff summary say so', async () => {
    await logIn(tc.core, tc.demo.url, 'alice');
    render(
      <>
        <RequestEditor onSave={() => {}} />
        <ResponseArea />
      </>,
    );
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: '{{baseUrl}}/profile' },
    });
    const compare = screen.getByRole('button', { name: /^Compare 3$/ });
    expect(compare.getAttribute('title')).toBe('Send as alice, bob, anonymous side by side');
    fireEvent.click(compare);

    const headline = await screen.findByText(/^status differs: alice 200 · bob 401 · anonymous 401/);
    expect(headline.textContent).toContain('body differs');
    const diff = screen.getByRole('table', { name: 'Differences' });
    const userRow = within(diff).getByRole('rowheader', { name: 'user' }).closest('tr') as HTMLElement;
    expect(
      within(userRow)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['"alice"', '(absent)', '(absent)']);
    const alice = screen.getByRole('region', { name: 'Response as alice' });
    expect(within(alice).getByText('200 OK')).toBeTruthy();
    // The line with alice's differing "user" key is highlighted in her column.
    const marked = alice.querySelectorAll('.compare-line.is-diff');
    expect([...marked].map((m) => m.textContent?.trim())).toContain('"user": "alice",');
    expect(
      within(screen.getByRole('region', { name: 'Response as bob' })).getByText('401 Unauthorized'),
    ).toBeTruthy();

    // Back to single mode and again: the comparison is kept.
    fireEvent.click(screen.getByRole('radio', { name: 'Single' }));
    expect(screen.queryByRole('region', { name: 'Comparison' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Response' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Side by side' }));
    expect(screen.getByText(/^status differs: alice 200/)).toBeTruthy();
  });

  it('logging in as alice and bob at once shows each one’s session cookie', async () => {
    useCompareStore.getState().setSelected(['alice', 'bob']);
    render(<ResponseArea />);
    await useCompareStore.getState().run(
      {
        method: 'POST',
        url: '{{baseUrl}}/login',
        headers: [],
        body: {
          type: 'form',
          fields: [
            { name: 'username', value: '{{username}}' },
            { name: 'password', value: '{{password}}' },
          ],
        },
      },
      ['alice', 'bob'],
    );
    const alice = await screen.findByRole('region', { name: 'Response as alice' });
    expect(within(alice).getByText(/^session=alice\./)).toBeTruthy();
    const bob = screen.getByRole('region', { name: 'Response as bob' });
    expect(within(bob).getByText(/^session=bob\./)).toBeTruthy();
  });

  it('a failed comparison shows its error; nothing sent shows the empty state', async () => {
    render(<ResponseArea />);
    expect(screen.queryByRole('radio', { name: 'Single' })).toBeNull();
    useCompareStore.getState().show(true);
    expect(await screen.findByText('Compare profiles side by side')).toBeTruthy();
    await useCompareStore
      .getState()
      .run({ method: 'GET', url: '{{baseUrl}}/profile', headers: [], body: { type: 'none' } }, ['alice']);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('INVALID_ARGUMENT');
  });
});
