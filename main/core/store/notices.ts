/**
 * One-line notices about the workspace itself (permissions fixed, damaged lines set aside): things
 * the user should hear about once, that do not fail the operation. The CLI prints each on stderr as
 * it comes; the app reads them from `workspace.info` and hears new ones as `workspace.notice`.
 */
export class Notices {
  private readonly list: string[] = [];
  private readonly listeners = new Set<(message: string) => void>();

  add(message: string): void {
    if (this.list.includes(message)) return;
    this.list.push(message);
    for (const l of this.listeners) l(message);
  }

  all(): string[] {
    return [...this.list];
  }

  /** Hears every notice, those given before too (once each). Returns the unsubscribe. */
  listen(listener: (message: string) => void): () => void {
    for (const m of this.list) listener(m);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
