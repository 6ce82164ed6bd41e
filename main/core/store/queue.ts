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
  async drain(): Promise<void> {
    while (this.pending > 0) await this.tail;
  }
}

/**
 * How long a write-behind task (history lines, cookie changes) waits, once its turn in the queue
 * has come, for more of the same to gather: a collection run then writes one batch per few
 * milliseconds instead of one per send. close()/drain still wait for it.
 */
export const GATHER_MS = 4;

export function gather(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, GATHER_MS));
}
