// @vitest-environment happy-dom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../../../main/shared/types';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { ResponseViewer } from '../../../renderer/src/features/response/ResponseViewer';
import { apiStory } from '../app/harness';

const story = apiStory(
  (base) => [
    { name: 'alice', color: '#7c5cff', variables: { base } },
    { name: 'bob', color: '#14b8a6', variables: { base } },
  ],
  { loadProfiles: true },
);

const get = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  method: 'GET',
  url,
  headers: [],
  body: { type: 'none' },
  ...extra,
});

async function sendAs(profile: string, spec: RequestSpec) {
  act(() => useRequestStore.getState().openRequest(spec));
  await act(async () => {
    await useRequestStore.getState().send(profile);
  });
}

const openTab = (name: string) =>
  fireEvent.mouseDown(screen.getByRole('tab', { name: new RegExp(`^${name}`) }));

describe('the response viewer', () => {
  it('says whom to send as before the first send', () => {
    render(<ResponseViewer />);
    expect(screen.getByText(/Send a request as/).textContent).toBe(
      'Send a request as alice to see the response',
    );
  });

  it('a redirect that sets a cookie: status, the Set table with its outcome, and one row per hop', async () => {
    render(<ResponseViewer />);
    await sendAs(
      'alice',
      get('{{base}}/cookies/set?session=abc123', { cookies: [{ name: 'theme', value: 'dark' }] }),
    );
    expect(screen.getByText('200 OK')).toBeTruthy();
    expect(screen.getByText('1 redirect')).toBeTruthy();

    openTab('Cookies');
    // grouped by hop: each group names its hop's number and URL
    const hop1 = screen.getByRole('region', { name: /^Hop 1: GET .*\/cookies\/set\?session=abc123$/ });
    const hop2 = screen.getByRole('region', { name: /^Hop 2: GET .*\/cookies$/ });
    const sent = within(hop1).getByRole('table', { name: 'Sent cookies, hop 1' });
    expect(within(sent).getByText('theme')).toBeTruthy();
    expect(within(sent).getByText('request')).toBeTruthy();
    expect(within(sent).queryByText('session')).toBeNull();
    // the cookie hop 1 stored went out on hop 2, and is listed there
    const sent2 = within(hop2).getByRole('table', { name: 'Sent cookies, hop 2' });
    expect(within(sent2).getByText('session')).toBeTruthy();
    expect(within(sent2).getByRole('button', { name: 'Copy value of session' })).toBeTruthy();
    expect(within(sent2).getByTitle('abc123')).toBeTruthy();
    const set = within(hop1).getByRole('table', { name: 'Set cookies, hop 1' });
    const row = within(set).getByText('session', { selector: 'td:first-child' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('abc123')).toBeTruthy();
    expect(within(row).getByText('stored')).toBeTruthy();
    expect(within(row).getByText('session', { selector: 'td:nth-child(5)' })).toBeTruthy(); // expires

    openTab('Hops');
    const hops = within(screen.getByRole('list', { name: 'Hops' })).getAllByRole('listitem');
    expect(hops).toHaveLength(2);
    expect(hops[0].textContent).toContain('302');
    expect(hops[0].textContent).toContain('session=abc123 · stored');
    expect(hops[0].textContent).toContain(`Location: ${story.server.url}/cookies`);
    expect(hops[1].textContent).toContain('200');
    // the jar's cookie went out on the second hop
    expect(hops[1].textContent).toContain('session=abc123');
  });

  it('a cookie for a foreign domain is listed as rejected, with the reason', async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/bad-cookie'));
    openTab('Cookies');
    const set = screen.getByRole('table', { name: 'Set cookies' });
    const evil = within(set).getByText('evil').closest('tr') as HTMLElement;
    expect(within(evil).getByText('rejected')).toBeTruthy();
    expect(evil.textContent?.length).toBeGreaterThan('evilrejected'.length + 5);
    expect(
      within(within(set).getByText('fine').closest('tr') as HTMLElement).getByText('stored'),
    ).toBeTruthy();
  });

  it("shows each profile's own last response: alice logged in, bob not", async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/login?user=alice'));
    act(() => useRequestStore.getState().setDraft({ url: '{{base}}/profile' }));
    await act(async () => {
      await useRequestStore.getState().send('alice');
      await useRequestStore.getState().send('bob');
    });
    expect(screen.getByText('200 OK')).toBeTruthy();
    act(() => useProfilesStore.getState().setActive('bob'));
    expect(screen.getByText('401 Unauthorized')).toBeTruthy();
    expect(screen.getByText('bob', { selector: '.response-as .response-profile' })).toBeTruthy();
  });

  it('headers tab lists the response headers and the request as sent', async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/cookies', { headers: [{ name: 'X-Trace', value: 't-1' }] }));
    openTab('Headers');
    const res = screen.getByRole('table', { name: 'Response headers' });
    expect(within(res).getAllByText('application/json').length).toBeGreaterThan(0);
    const req = screen.getByRole('table', { name: 'Request headers' });
    expect(within(req).getByText('t-1')).toBeTruthy();
  });

  it('HTML gets a sandboxed preview', async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/page'));
    fireEvent.click(screen.getByRole('radio', { name: 'Preview' }));
    const frame = screen.getByTitle('HTML preview');
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('<h1>Hello page</h1>');
  });

  it('a 3 MB JSON body is laid out line by line and only the visible lines are drawn', async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/big?mb=3'));
    expect(await screen.findByText(/^[\d,]+ lines, formatted$/, {}, { timeout: 15_000 })).toBeTruthy();
    expect(document.querySelectorAll('.large-body-line').length).toBeLessThan(200);
    expect(document.body.textContent?.length ?? 0).toBeLessThan(200_000);
    const res = useRequestStore.getState().responses.alice;
    expect(res.kind === 'response' && res.response.size).toBeGreaterThan(3 * 1024 * 1024);
  });

  it('timing shows connect, waiting and download', async () => {
    render(<ResponseViewer />);
    await sendAs('alice', get('{{base}}/cookies'));
    openTab('Timing');
    expect(screen.getByRole('img', { name: 'Timing breakdown' })).toBeTruthy();
    for (const label of ['Connect', 'Waiting (TTFB)', 'Download', 'Total'])
      expect(screen.getByText(label)).toBeTruthy();
  });
});
