// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { apiStory } from '../app/harness';

/**
 * A jar cookie's source names the send that set it; in the cookie's details that is a link which
 * opens the send (request and response) as the history list would, on the Cookies tab at the hop
 * whose Set-Cookie set it. When history no longer holds the send, the link says so in one line.
 */

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);
const WAIT = { timeout: 15_000 };

/** As alice: GET /cookies/set?sid=abc (302 setting sid, then 200), then GET /page in the same tab. */
async function sendTwice(): Promise<void> {
  render(<App />);
  await screen.findByRole('radio', { name: 'alice' }, WAIT);
  const url = screen.getByRole('textbox', { name: 'URL' });
  const pane = screen.getByRole('region', { name: 'Response' });
  fireEvent.change(url, { target: { value: `${story.server.url}/cookies/set?sid=abc` } });
  fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
  await within(pane).findByText('1 redirect', {}, WAIT);
  fireEvent.change(url, { target: { value: `${story.server.url}/page` } });
  fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
  await waitFor(() => {
    expect(within(pane).queryByText('1 redirect')).toBeNull();
    expect(pane.textContent).toContain('Hello page');
  }, WAIT);
}

async function openSidDetails(): Promise<HTMLElement> {
  const jar = await screen.findByRole('region', { name: 'Cookie jar of alice' }, WAIT);
  fireEvent.click(
    await within(jar).findByRole('button', { name: 'Details of cookie sid on 127.0.0.1' }, WAIT),
  );
  return screen.findByRole('dialog', { name: 'Cookie sid' }, WAIT);
}

/** The response pane shows the redirected send, on its Cookies tab. */
async function shownOnCookiesTab(pane: HTMLElement): Promise<void> {
  await within(pane).findByText('1 redirect', {}, WAIT);
  expect(
    within(pane)
      .getByRole('tab', { name: /Cookies/ })
      .getAttribute('aria-selected'),
  ).toBe('true');
}

describe('the source of a jar cookie links to the send that set it', { timeout: 60_000 }, () => {
  it('opens that send in a tab: its request, and its response on the Cookies tab at hop 1', async () => {
    await sendTwice();
    const dialog = await openSidDetails();
    const source = within(dialog).getByRole('region', { name: 'Source' });
    expect(source.textContent).toContain('Set-Cookie of a response');
    expect(source.textContent).toContain(`${story.server.url}/cookies/set?sid=abc`);
    fireEvent.click(within(source).getByRole('button', { name: /^Open the send that set it: .*, hop 1$/ }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Cookie sid' })).toBeNull(), WAIT);
    const tabs = useRequestStore.getState();
    expect(tabs.order).toHaveLength(2);
    expect(tabs.tabs[tabs.activeId]?.draft.url).toBe(`${story.server.url}/cookies/set?sid=abc`);
    expect((screen.getByRole('textbox', { name: 'URL' }) as HTMLInputElement).value).toBe(
      `${story.server.url}/cookies/set?sid=abc`,
    );
    const pane = screen.getByRole('region', { name: 'Response' });
    await shownOnCookiesTab(pane);
    const hop = within(pane).getByRole('region', {
      name: `Hop 1: GET ${story.server.url}/cookies/set?sid=abc`,
    });
    expect(hop.getAttribute('aria-current')).toBe('true');
    expect(hop.textContent).toContain('set sid in the jar');
    expect(within(hop).getByRole('table', { name: 'Set cookies, hop 1' }).textContent).toContain('sid');
    const hop2 = within(pane).getByRole('region', { name: `Hop 2: GET ${story.server.url}/cookies` });
    expect(hop2.getAttribute('aria-current')).toBeNull();

    // Again from the first tab: the tab already showing that send comes forward; no other opens.
    const [first, opened] = tabs.order;
    fireEvent.click(within(screen.getByRole('tablist', { name: 'Open requests' })).getAllByRole('tab')[0]);
    await waitFor(() => expect(within(pane).queryByText('1 redirect')).toBeNull(), WAIT);
    fireEvent.click(
      within(await openSidDetails()).getByRole('button', { name: /^Open the send that set it/ }),
    );
    await within(pane).findByText('1 redirect', {}, WAIT);
    expect(useRequestStore.getState().order).toEqual([first, opened]);
    expect(useRequestStore.getState().activeId).toBe(opened);
  });

  it('says in one line that the send is gone once history is cleared, and opens nothing', async () => {
    await sendTwice();
    const cleared = await story.tc.core['history.clear']({});
    expect(cleared.ok).toBe(true);
    const dialog = await openSidDetails();
    const before = useRequestStore.getState().order.length;
    fireEvent.click(within(dialog).getByRole('button', { name: /^Open the send that set it/ }));
    const line = await within(dialog).findByRole('status', {}, WAIT);
    expect(line.textContent).toBe(
      "That send is not in alice's history: cleared, past the history cap, or sent within a run.",
    );
    expect(screen.getByRole('dialog', { name: 'Cookie sid' })).toBeTruthy();
    expect(useRequestStore.getState().order).toHaveLength(before);
  });
  it('a tab still holding that response comes forward, even once history is cleared', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: `${story.server.url}/cookies/set?sid=abc` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const pane = screen.getByRole('region', { name: 'Response' });
    await within(pane).findByText('1 redirect', {}, WAIT);
    const [sent] = useRequestStore.getState().order;
    fireEvent.click(screen.getByRole('button', { name: 'New request' }));
    await waitFor(() => expect(within(pane).queryByText('1 redirect')).toBeNull(), WAIT);
    expect((await story.tc.core['history.clear']({})).ok).toBe(true);

    fireEvent.click(
      within(await openSidDetails()).getByRole('button', { name: /^Open the send that set it/ }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Cookie sid' })).toBeNull(), WAIT);
    expect(useRequestStore.getState().activeId).toBe(sent);
    await shownOnCookiesTab(pane);
  });
});
