// @vitest-environment happy-dom
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { RequestEditor } from '../../../renderer/src/features/request/RequestEditor';
import { useRequestStore } from '../../../renderer/src/features/request/store';
import { ResponseViewer } from '../../../renderer/src/features/response/ResponseViewer';
import { apiStory, type ProfileSeed, startApiServer } from '../app/harness';

apiStory(
  (base): ProfileSeed[] => [
    { name: 'alice', color: '#7c5cff', variables: { base, user: 'alice' } },
    { name: 'bob', color: '#14b8a6', variables: { base } },
  ],
  { loadProfiles: true },
);

function renderEditor() {
  render(
    <>
      <RequestEditor onSave={() => {}} />
      <ResponseViewer />
    </>,
  );
}

const urlInput = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'URL' });
const typeUrl = (value: string) => fireEvent.change(urlInput(), { target: { value } });

describe('the request editor', () => {
  it('keeps the params table and the URL in step, both ways', async () => {
    renderEditor();
    typeUrl('{{base}}/search?q=cats&page=2#top');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Query params name 1' }).value).toBe('q');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Query params value 2' }).value).toBe('2');

    fireEvent.change(screen.getByRole('textbox', { name: 'Query params value 1' }), {
      target: { value: 'dogs' },
    });
    expect(urlInput().value).toBe('{{base}}/search?q=dogs&page=2#top');

    fireEvent.change(screen.getByRole('textbox', { name: 'New query params name' }), {
      target: { value: 'sort' },
    });
    expect(urlInput().value).toBe('{{base}}/search?q=dogs&page=2&sort#top');

    fireEvent.click(screen.getByRole('button', { name: 'Remove query params row 1' }));
    expect(urlInput().value).toBe('{{base}}/search?page=2&sort#top');
  });

  it("tints alice's variables and marks an unknown one in red, with a note naming it", async () => {
    renderEditor();
    typeUrl('{{base}}/users/{{user}}/{{teamId}}');
    const known = document.querySelector('[data-variable="user"]');
    const unknown = document.querySelector('[data-variable="teamId"]');
    expect(known?.className).toContain('request-var-known');
    expect(unknown?.className).toContain('request-var-unknown');
    expect(screen.getByRole('status').textContent).toMatch(/\{\{teamId\}\} is not defined for alice/);
    expect(urlInput().getAttribute('aria-invalid')).toBe('true');

    // bob has no {{user}}: switching profile re-judges the same URL
    act(() => useProfilesStore.getState().setActive('bob'));
    expect(document.querySelector('[data-variable="user"]')?.className).toContain('request-var-unknown');
    expect(screen.getByRole('status').textContent).toMatch(
      /\{\{user\}\}, \{\{teamId\}\} are not defined for bob/,
    );
  });

  it('validates a JSON body as it is written', async () => {
    renderEditor();
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'Body' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'JSON' }));
    act(() => useRequestStore.getState().setDraft({ body: { type: 'json', text: '{"name": "{{user}}",}' } }));
    expect(screen.getByRole('status').textContent).toMatch(/^Invalid JSON at line 1, column 21/);
    act(() => useRequestStore.getState().setDraft({ body: { type: 'json', text: '{"name": "{{user}}"}' } }));
    expect(screen.getByRole('status').textContent).toBe('Valid JSON');
    // the editor shows the text that will be sent
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'JSON body' }).textContent).toContain('"name"'),
    );
  });

  it('a failed send shows the one-line error with its code and loses nothing from the draft', async () => {
    renderEditor();
    const closed = await startApiServer();
    await closed.close();
    typeUrl(`${closed.url}/nowhere?x=1`);
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'Headers' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'New headers name' }), {
      target: { value: 'X-Test' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Request failed as alice');
    expect(alert.querySelector('code')?.textContent).toBe('CONNECTION_REFUSED');
    expect(urlInput().value).toBe(`${closed.url}/nowhere?x=1`);
    expect(useRequestStore.getState().draft.headers).toEqual([{ name: 'X-Test', value: '' }]);
  });

  it('an unknown variable fails the send with UNKNOWN_VARIABLE', async () => {
    renderEditor();
    typeUrl('{{nope}}/x');
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('UNKNOWN_VARIABLE');
    // refused before anything left: said as "not sent", not as a failed request
    expect(alert.textContent).toContain('Not sent as alice');
    expect(alert.textContent).not.toContain('Request failed');
  });

  it('Cancel stops a send that hangs', async () => {
    renderEditor();
    typeUrl('{{base}}/slow');
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    expect(await screen.findByText('Sending as alice…')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Cancel' })[0]);
    expect((await screen.findByRole('alert')).textContent).toContain('Request cancelled');
    expect(screen.getByRole('button', { name: 'Send as alice' })).toBeTruthy();
  });

  it('per-request cookies say they are merged over the active profile’s jar, and go out', async () => {
    renderEditor();
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'Cookies' }));
    expect((await screen.findByText(/jar; these win on a name clash/)).textContent).toContain('alice');
    fireEvent.change(screen.getByRole('textbox', { name: 'New request cookies name' }), {
      target: { value: 'theme' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Request cookies value 1' }), {
      target: { value: 'dark' },
    });
    typeUrl('{{base}}/cookies');
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await screen.findByText('200 OK');
    const res = useRequestStore.getState().responses.alice;
    expect(res.kind === 'response' && res.response.cookiesSent).toEqual([
      { name: 'theme', value: 'dark', source: 'request' },
    ]);
  });

  it('options: the cookie-store switch and redirects are written into the request', async () => {
    renderEditor();
    fireEvent.mouseDown(screen.getByRole('tab', { name: 'Options' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Cookie store for this request' }), {
      target: { value: 'off' },
    });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Follow redirects' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Timeout (ms)' }), { target: { value: '5000' } });
    expect(useRequestStore.getState().draft.options).toEqual({
      cookieStore: false,
      followRedirects: false,
      timeoutMs: 5000,
    });
  });
});

describe('the method', () => {
  it('a custom method such as PROPFIND is typed in and sent as written', async () => {
    renderEditor();
    typeUrl('{{base}}/cookies');
    fireEvent.change(screen.getByRole('combobox', { name: 'Method' }), { target: { value: '__custom__' } });
    const custom = screen.getByRole<HTMLInputElement>('textbox', { name: 'Custom method' });
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Send as alice' }).disabled).toBe(true);
    fireEvent.change(custom, { target: { value: 'propfind' } });
    expect(custom.value).toBe('PROPFIND');
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    await screen.findByText('200 OK');
    const res = useRequestStore.getState().responses.alice;
    expect(res.kind === 'response' && res.response.request.method).toBe('PROPFIND');
  });
});
