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
