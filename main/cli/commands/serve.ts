import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import { parseCount } from '../parse';
import { type CliIO, dataDirFor } from '../session';

export const DEFAULT_DEMO_PORT = 8787;

/** What `tandem demo` prints: the URL and the two-sessions story, ready to paste. */
export function demoIntro(url: string): string {
  const login = (user: string) =>
    `tandem send --profile ${user} -X POST --form username=${user} --form password=${user}-pw ${url}/login`;
  return [
    `Tandem demo API running at ${url}`,
    '',
    'Try it in another terminal: alice and bob log in, and each sees their own session.',
    '  tandem profiles create alice',
    '  tandem profiles create bob',
    `  ${login('alice')}`,
    `  ${login('bob')}`,
    `  tandem send --profile alice ${url}/profile`,
    `  tandem send --profile bob ${url}/profile`,
    `  tandem send ${url}/cookies/set?session=abc123`,
    '  tandem cookies list --profile alice',
    '',
    `Every endpoint: ${url}/_index`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

const demoUrlOf = (host: string, port: number) => `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** True when a Tandem demo API answers on host:port (its /_index names itself). */
async function runningDemo(host: string, port: number): Promise<boolean> {
  try {
    const res = await fetch(`${demoUrlOf(host, port)}/_index`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { name?: unknown };
    return body.name === 'Tandem demo API';
  } catch {
    return false;
  }
}

/**
 * A workspace with no profiles yet gets what the app's first run gives it: alice, bob and
 * anonymous, and the "Demo API" collection pointed at this demo. Returns what it added, or null.
 */
async function seedSample(dataDir: string, demoUrl: string): Promise<string | null> {
  const [{ createTandem }, { sampleWorkspace }] = await Promise.all([
    import('../../core/tandem'),
    import('../../demo/sample'),
  ]);
  const fresh = !(await stat(join(dataDir, 'profiles')).catch(() => null));
  if (!fresh) return null;
  const tandem = await createTandem({ dataDir, host: 'cli', demoUrl, seedSample: sampleWorkspace });
  await tandem.close();
  return `New workspace ${dataDir}: added the profiles alice, bob and anonymous and the "Demo API" collection`;
}

function listenFailure(e: unknown, port: number): never {
  const code = (e as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE')
    fail('NETWORK_ERROR', `Port ${port} is already in use; pick another with --port`);
  if (code === 'EACCES')
    fail('NETWORK_ERROR', `Not allowed to listen on port ${port}; pick another with --port`);
  throw e;
}

export function registerServe(program: Command, io: CliIO): void {
  program
    .command('demo')
    .description('Run the demo API (login sessions, httpbin-style cookies) until Ctrl+C')
    .option('--port <n>', 'port to listen on', String(DEFAULT_DEMO_PORT))
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--no-sample', 'do not add the sample profiles and collection to a new workspace')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ port: string; host: string; sample: boolean; dataDir?: string }>();
      const port = parseCount(opts.port, '--port', 65535);
      // Loaded on demand: `tandem send` should not pay for the servers at start-up.
      const { startDemoServer } = await import('../../demo/server');
      const demo = await startDemoServer({ port, host: opts.host }).catch(async (e) => {
        // `npm start` (or another terminal) may already run the demo on this port: use that one.
        const running = await runningDemo(opts.host, port);
        if (running) return null;
        return listenFailure(e, port);
      });
      // A new workspace gets the sample either way, pointed at whichever demo answers.
      const url = demo ? demo.url : demoUrlOf(opts.host, port);
      if (opts.sample) {
        const added = await seedSample(dataDirFor(opts.dataDir, io), url);
        if (added) io.out(`${added}\n`);
      }
      if (!demo) {
        io.out(`The Tandem demo API is already running at ${url}; using that one\n`);
        return;
      }
      io.out(demoIntro(demo.url));
      await io.untilStopped();
      await demo.close();
    });

  program
    .command('web')
    .description('Open Tandem in your browser (web mode), served from 127.0.0.1 with a per-run token')
    .option('--port <n>', 'port to listen on (random when left out)')
    .option('--no-open', 'do not open the browser')
    .option('--demo', 'also run the demo API and seed the sample profiles on first run')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ port?: string; open: boolean; demo?: boolean; dataDir?: string }>();
      const port = opts.port === undefined ? 0 : parseCount(opts.port, '--port', 65535);
      const { startWebServer } = await import('../../web/server');
      const server = await startWebServer({
        dataDir: dataDirFor(opts.dataDir, io),
        port,
        rendererDir: join(__dirname, '..', 'renderer'),
        demo: Boolean(opts.demo),
      }).catch((e) => listenFailure(e, port));
      const lines = [`Tandem (web mode) is running at ${server.url}`];
      if (server.demoUrl) lines.push(`Demo API: ${server.demoUrl}`);
      lines.push('Press Ctrl+C to stop.', '');
      io.out(lines.join('\n'));
      if (opts.open) io.openUrl(server.url);
      await io.untilStopped();
      await server.close();
    });
}
