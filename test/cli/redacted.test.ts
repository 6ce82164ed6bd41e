import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopbackServer } from '../support/loopback';
import { assertBuilt, tandem, tempWorkspace } from './helpers';

/**
 * History keeps credentials as "[redacted]". A request that comes back from it (its HAR imported
 * as a collection, a curl copied from it) is refused with exit 2 and one line, and nothing is sent.
 */
describe('tandem never sends history’s [redacted] placeholders', { timeout: 60_000 }, () => {
  let server: LoopbackServer;
  let ws: Awaited<ReturnType<typeof tempWorkspace>>;
  const seen: string[] = [];
  const run = (...args: string[]) => tandem(ws.dataDir, args, { cwd: ws.root });

  beforeAll(async () => {
    assertBuilt();
    server = await startLoopbackServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ?? '-'}`);
      res.end('ok');
    });
    ws = await tempWorkspace();
    expect((await run('profiles', 'create', 'alice')).code).toBe(0);
  });
  afterAll(async () => {
    await server?.close();
    await ws?.remove();
  });

  it('a collection imported from a HAR of history is refused before anything is sent (exit 2)', async () => {
    const sent = await run(
      'send',
      '--profile',
      'alice',
      '-H',
      'Authorization: Bearer tok-1',
      `${server.url}/me?session_id=s3cr3t-1&page=2`,
    );
    expect(sent.code).toBe(0);
    expect(seen).toEqual(['/me?session_id=s3cr3t-1&page=2 Bearer tok-1']);
    expect((await run('export', 'har', 'alice', '--out', 'alice.har')).code).toBe(0);
    expect((await run('import', 'har', 'alice.har', '--collection', 'From history')).code).toBe(0);

    const again = await run('run', 'From history', '--profile', 'alice');
    expect(again.code).toBe(2);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      /^tandem: "[^"]+": 2 values were redacted in history: session_id \(query\), Authorization \(header\) — fill them in or use a variable before sending\n$/,
    );
    expect(seen).toHaveLength(1);
  });

  it('send refuses a request holding the placeholder (a curl copied from history), exit 2, nothing sent', async () => {
    await writeFile(
      join(ws.root, 'from-history.sh'),
      `curl -H 'Authorization: [redacted]' '${server.url}/me?session_id=%5Bredacted%5D'\n`,
    );
    const curl = await run('send', '--profile', 'alice', '--curl', 'from-history.sh');
    expect(curl).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tandem: 2 values were redacted in history: session_id (query), Authorization (header) — fill them in or use a variable before sending\n',
    });
    const typed = await run('send', '--profile', 'alice', '-H', 'X-Api-Key: [redacted]', `${server.url}/x`);
    expect(typed.code).toBe(2);
    expect(typed.stderr).toBe(
      'tandem: 1 value was redacted in history: X-Api-Key (header) — fill it in or use a variable before sending\n',
    );
    expect(seen).toHaveLength(1);
    // --dry-run sends nothing, so it still shows the request as it would go
    expect((await run('send', '--profile', 'alice', '--dry-run', '--curl', 'from-history.sh')).code).toBe(0);
  });
});
