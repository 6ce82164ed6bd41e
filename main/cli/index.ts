import { spawn } from 'node:child_process';
import { runCli } from './run';
import type { CliIO } from './session';

/** `tandem` entry point (built to out/cli/cli.js by scripts/build-cli.mjs, run by bin/tandem.js). */

function openUrl(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {}); // no browser here: the URL is printed anyway
    child.unref();
  } catch {
    // not being able to open a browser is not an error
  }
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function onInterrupt(fn: () => void): () => void {
  process.on('SIGINT', fn);
  return () => process.off('SIGINT', fn);
}

const io: CliIO = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  untilStopped,
  onInterrupt,
  openUrl,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

// Let a closed pipe (`tandem … | head`) end us quietly instead of with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
});

runCli(process.argv.slice(2), io).then((code) => {
  // Keep-alive sockets and timers must not keep the process alive once the work is done;
  // wait for stdout to drain first so piped output is complete.
  process.stdout.write('', () => process.exit(code));
});
