// @vitest-environment happy-dom
import net from 'node:net';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app/App';
import { startRawHeads } from '../../support/rawHeads';
import { apiStory } from '../app/harness';

/**
 * A response the engine refuses (a NUL byte in a Set-Cookie): the response pane shows the one-line
 * error and, below it, the raw status line and the headers read before the error, the offending one
 * marked. A raw TCP loopback server sends the bytes (node:http would refuse to).
 */

const HEADS: Record<string, string> = {
  '/nul':
    'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: a=1; Path=/\r\nSet-Cookie: bad=x\x00y; Path=/\r\nX-After: 1\r\nContent-Length: 2\r\n\r\nok',
  '/fine': 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nfine',
};

let heads: Awaited<ReturnType<typeof startRawHeads>>;
let rawBase = '';

beforeAll(async () => {
  heads = await startRawHeads(HEADS);
  rawBase = heads.base;
});

afterAll(async () => {
  await heads.close();
});

const story = apiStory(() => [{ name: 'alice', color: '#7c5cff' }]);
const WAIT = { timeout: 15000 };

describe('a malformed response in the response pane', { timeout: 60_000 }, () => {
  it('shows the one-line error, then the raw status line and headers read so far, the NUL one marked', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), { target: { value: `${rawBase}/nul` } });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));

    const pane = screen.getByRole('region', { name: 'Response' });
    const alert = await within(pane).findByRole('alert', {}, WAIT);
    expect(within(alert).getByText('Request failed as alice')).toBeTruthy();
    const line = alert.querySelector('.response-error-line')?.textContent ?? '';
    expect(line).toBe(
      'INVALID_RESPONSE Bad response: the response header Set-Cookie contains the byte 0x00 (NUL), which HTTP forbids in a header; the status line and headers read so far are kept',
    );

    const head = within(alert).getByRole('region', { name: 'Read before the error' });
    expect(within(head).getByRole('heading').textContent).toBe('Read before the error · 3 headers');
    expect(head.querySelector('pre')?.textContent).toBe(
      [
        'HTTP/1.1 200 OK',
        'Content-Type: text/plain',
        'Set-Cookie: a=1; Path=/',
        'Set-Cookie: bad=x\\x00y; Path=/ ← refused',
      ].join('\n'),
    );
    const marked = [...head.querySelectorAll('.is-bad')].map((e) => e.textContent);
    expect(marked).toEqual(['\nSet-Cookie: bad=x\\x00y; Path=/ ← refused']);

    // Nothing was stored from the broken response.
    const jar = await story.tc.core['cookies.list']({ profile: 'alice' });
    expect(jar.ok && jar.value).toEqual([]);
  });

  it('a plain network failure shows no "read before the error" block', async () => {
    render(<App />);
    await screen.findByRole('radio', { name: 'alice' }, WAIT);
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    fireEvent.change(screen.getByRole('textbox', { name: 'URL' }), {
      target: { value: `http://127.0.0.1:${port}/` },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send as alice' }));
    const pane = screen.getByRole('region', { name: 'Response' });
    const alert = await within(pane).findByRole('alert', {}, WAIT);
    expect(alert.textContent).toMatch(/Request failed as alice/);
    expect(within(alert).queryByRole('region', { name: 'Read before the error' })).toBeNull();
  });
});
