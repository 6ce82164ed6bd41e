/**
 * Wraps a reload so a burst of change events costs at most two runs: calls made while a run for
 * the same key is under way are folded into one more run after it. A call for another key starts
 * at once (the task itself drops stale answers).
 */
export function coalesce(task: (key: string) => Promise<void>): (key: string) => Promise<void> {
  let running: { key: string; done: Promise<void> } | null = null;
  let again = false;
  return (key) => {
    if (running && running.key === key) {
      again = true;
      return running.done;
    }
    const run = async () => {
      try {
        do {
          again = false;
          await task(key);
        } while (again);
      } finally {
        if (running?.key === key) running = null;
      }
    };
    again = false;
    const current = { key, done: Promise.resolve() };
    running = current;
    current.done = run();
    return current.done;
  };
}
