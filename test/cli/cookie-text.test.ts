import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * A UTF-8 cookie value set by a server (issue 13) shows as the same characters in `cookies list`,
 * in `--json` output and in exports, and goes back to the server as the same bytes.
 */
const TEXT = 'こんにちは世界🍣';
const received: Buffer[] = [];
let server: LoopbackServer;
let ws: Awaited<ReturnType<typeof tempWorkspace>>;

beforeAll(async () => {
  assertBuilt();
  server = await startLoopbackServer((req, res) => {
    if (req.headers.cookie !== undefined) received.push(Buffer.from(req.headers.cookie, 'latin1'));
    if (req.url === '/utf8')
      res.setHeader('set-cookie', Buffer.from(`greeting=${TEXT}; Path=/`).toString('latin1'));
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  });
  ws = await tempWorkspace();
  expect((await tandem(ws.dataDir, ['profiles', 'create', 'alice'])).code).toBe(0);
});

afterAll(async () => {
  await server.close();
  await ws.remove();
});

describe('UTF-8 cookie values in the CLI', () => {
  it('list, JSON, export and the bytes sent back', async () => {
    const set = await tandem(ws.dataDir, ['send', `${server.url}/utf8`, '--profile', 'alice', '--json']);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout).cookiesSet[0].cookie.value).toBe(TEXT);

    const list = await tandem(ws.dataDir, ['cookies', 'list', '--profile', 'alice']);
    expect(list.stdout).toContain(TEXT);
    const json = await tandem(ws.dataDir, ['cookies', 'list', '--profile', 'alice', '--json']);
    expect(JSON.parse(json.stdout)[0].value).toBe(TEXT);
    const txt = await tandem(ws.dataDir, ['cookies', 'export', '--profile', 'alice', '--format', 'netscape']);
    expect(txt.stdout).toContain(`\tgreeting\t${TEXT}\n`);

    received.length = 0;
    expect((await tandem(ws.dataDir, ['send', `${server.url}/echo`, '--profile', 'alice'])).code).toBe(0);
    expect(received).toEqual([Buffer.from(`greeting=${TEXT}`, 'utf8')]);
  });
});
