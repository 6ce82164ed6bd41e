import { spawn } from 'node:child_process';

/**
 * A private network namespace with its own loopback, for tests that need a fixed port (the
 * README's demo on 8787) on a machine where something else may hold it: another developer's
 * `npm start`, another checkout's test run. Linux lets an unprivileged user make one (a user
 * namespace owning a network namespace); where that is not allowed (or `unshare`, `nsenter`
 * or `ip` is missing) this resolves to null and the caller uses the host's network as before.
 */
export interface PrivateNetwork {
  /** The command and arguments that run `command args…` inside the namespace. */
  wrap(command: string, args: string[]): [string, string[]];
  close(): void;
}

export function privateNetwork(): Promise<PrivateNetwork | null> {
  return new Promise((resolve) => {
    // The holder: keeps the namespace alive until its stdin closes (close(), or this process ends).
    const holder = spawn('unshare', ['-rn', 'sh', '-c', 'ip link set lo up && echo ready && exec cat'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let out = '';
    const fail = () => resolve(null);
    holder.on('error', fail);
    holder.on('exit', fail);
    holder.stdout.on('data', (d) => {
      out += d;
      if (!out.includes('ready') || holder.pid === undefined) return;
      const target = String(holder.pid);
      holder.off('exit', fail);
      resolve({
        wrap: (command, args) => [
          'nsenter',
          ['-t', target, '-U', '-n', '--preserve-credentials', command, ...args],
        ],
        close: () => {
          holder.stdin.end();
          holder.kill('SIGTERM');
        },
      });
    });
  });
}
