/**
 * One write queue per workspace: tasks run one after another, in the order they were queued,
 * so writes never interleave. A failing task rejects its own promise only; the queue goes on.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  run<T>(task: () => Promise<T> | T): Promise<T> {
    this.pending++;
    const result = this.tail.then(task);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** Number of tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Resolves once every task queued so far (and any they queue meanwhile) has finished. */
  drain(): Promise<void> {
    return urgently(async () => {
      while (this.pending > 0) await this.tail;
    });
  }
}

/**
 * How long a write-behind task (history lines, cookie changes) waits, once its turn in the queue
 * has come, for more of the same to gather: a collection run then writes one batch per few
 * milliseconds instead of one per send. Anyone who waits for the disk does it `urgently`.
 */
export const GATHER_MS = 4;

const gathering = new Set<() => void>();
let urgent = 0;

export function gather(): Promise<void> {
  if (urgent > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      gathering.delete(done);
      resolve();
    };
    const timer = setTimeout(done, GATHER_MS);
    gathering.add(done);
  });
}

/**
 * Waits for the disk without waiting for more to gather: while `wait` runs, every gathering
 * wait (those under way and those that start meanwhile) ends at once. For flush, list and close.
 */
export async function urgently<T>(wait: () => Promise<T>): Promise<T> {
  urgent++;
  for (const done of [...gathering]) done();
  try {
    return await wait();
  } finally {
    urgent--;
  }
}
