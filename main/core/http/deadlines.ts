import { performance } from 'node:perf_hooks';

/**
 * Whole-request deadlines (`timeoutMs`) on one engine-wide timer. A Node timer per send costs more
 * than a kept-alive send's own work: Node keeps one timer list per duration and, for a lone timer,
 * builds that list on setTimeout and tears it down on clearTimeout — every request. Here a send only
 * joins and leaves a set; the one timer is armed for the earliest deadline and, when it fires, stops
 * the sends past theirs and re-arms for the next. The timer is unref'd: an in-flight send is kept
 * alive by its own socket, and an idle engine keeps nothing alive.
 */

export interface Deadline {
  /** performance.now() at which `fire` runs. */
  readonly at: number;
  readonly fire: () => void;
}

const pending = new Set<Deadline>();
let timer: NodeJS.Timeout | null = null;
let armedFor = Number.POSITIVE_INFINITY;

/** Runs `fire` once `ms` milliseconds have passed, unless `clearDeadline` comes first. */
export function addDeadline(ms: number, fire: () => void): Deadline {
  const d: Deadline = { at: performance.now() + ms, fire };
  pending.add(d);
  if (d.at < armedFor) arm(d.at);
  return d;
}

/** The send finished in time: its deadline is forgotten (the shared timer is left as it is). */
export function clearDeadline(d: Deadline | null): void {
  if (d) pending.delete(d);
}

function arm(at: number): void {
  if (timer) clearTimeout(timer);
  armedFor = at;
  timer = setTimeout(check, Math.max(1, Math.ceil(at - performance.now())));
  timer.unref();
}

function check(): void {
  timer = null;
  armedFor = Number.POSITIVE_INFINITY;
  const now = performance.now();
  let next = Number.POSITIVE_INFINITY;
  for (const d of [...pending]) {
    if (d.at <= now) {
      pending.delete(d);
      try {
        d.fire();
      } catch {
        // one send's stop must not keep the others from theirs
      }
    } else if (d.at < next) next = d.at;
  }
  if (next < armedFor) arm(next);
}
