/**
 * Figure 3 — several profiles at once: N profiles each log in (their own server-side session),
 * then send M requests each, all through the facade's `request.send` at a fixed concurrency,
 * with isolation checked on every response (the session must come back as the profile's own).
 * Reference, in the same run: the same number of requests as ONE profile at the same concurrency.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTandem, type Tandem } from '../main/core/tandem';
import { median, ratio, round } from './stats';

export interface ProfilesFigure {
  profiles: number;
  requests_per_profile: number;
  concurrency: number;
  rounds: number;
  multi_requests_per_s: number;
  single_requests_per_s: number;
  /** Time per request with N profiles ÷ with one profile (goal ≈ 1: profiles cost nothing extra). */
  multi_vs_single_profile_ratio: number;
  /** Responses whose session did not belong to the profile that sent it (must be 0). */
  isolation_failures: number;
  errors: number;
}

async function pool<T>(tasks: Array<() => Promise<T>>, concurrency: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const k = next++;
      out[k] = await tasks[k]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return out;
}

type Outcome = 'ok' | 'foreign' | 'error';

async function whoami(t: Tandem, base: string, profile: string): Promise<Outcome> {
  const r = await t['request.send']({
    profile,
    request: { method: 'GET', url: `${base}/whoami`, headers: [], body: { type: 'none' } },
  });
  if (!r.ok) return 'error';
  const user = (JSON.parse(r.value.body) as { user: string | null }).user;
  return user === profile ? 'ok' : 'foreign';
}

async function login(t: Tandem, base: string, profile: string): Promise<void> {
  const r = await t['request.send']({
    profile,
    request: { method: 'GET', url: `${base}/login?user=${profile}`, headers: [], body: { type: 'none' } },
  });
  if (!r.ok) throw new Error(`login as ${profile} failed: ${r.error.message}`);
}

/** Runs `perProfile` whoami requests for each profile, interleaved across profiles. */
async function runOnce(
  t: Tandem,
  base: string,
  profiles: string[],
  perProfile: number,
  concurrency: number,
): Promise<{ ms: number; outcomes: Outcome[] }> {
  const tasks: Array<() => Promise<Outcome>> = [];
  for (let k = 0; k < perProfile; k++) for (const p of profiles) tasks.push(() => whoami(t, base, p));
  const t0 = performance.now();
  const outcomes = await pool(tasks, concurrency);
  return { ms: performance.now() - t0, outcomes };
}

export async function benchProfiles(base: string, opts: { quick: boolean }): Promise<ProfilesFigure> {
  const nProfiles = 10;
  const perProfile = opts.quick ? 20 : 50;
  const concurrency = 16;
  const rounds = opts.quick ? 2 : 4;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-bench-profiles-'));
  const t = await createTandem({ dataDir, host: 'cli' });
  try {
    const names = Array.from({ length: nProfiles }, (_, k) => `user${k}`);
    for (const n of [...names, 'solo']) {
      const r = await t['profiles.create']({ name: n });
      if (!r.ok) throw new Error(`could not create profile ${n}: ${r.error.message}`);
      await login(t, base, n);
    }
    // Warm up both shapes once.
    await runOnce(t, base, names, 5, concurrency);
    await runOnce(t, base, ['solo'], 5 * nProfiles, concurrency);
    const multi: number[] = [];
    const single: number[] = [];
    let foreign = 0;
    let errors = 0;
    const count = (o: Outcome[]) => {
      for (const x of o) {
        if (x === 'foreign') foreign++;
        else if (x === 'error') errors++;
      }
    };
    const total = nProfiles * perProfile;
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? ['multi', 'single'] : ['single', 'multi'];
      for (const shape of order) {
        if (shape === 'multi') {
          const m = await runOnce(t, base, names, perProfile, concurrency);
          multi.push(m.ms / total);
          count(m.outcomes);
        } else {
          const s = await runOnce(t, base, ['solo'], total, concurrency);
          single.push(s.ms / total);
          count(s.outcomes);
        }
      }
    }
    const multiMs = median(multi);
    const singleMs = median(single);
    return {
      profiles: nProfiles,
      requests_per_profile: perProfile,
      concurrency,
      rounds,
      multi_requests_per_s: round(1000 / multiMs, 0),
      single_requests_per_s: round(1000 / singleMs, 0),
      multi_vs_single_profile_ratio: ratio(multiMs, singleMs),
      isolation_failures: foreign,
      errors,
    };
  } finally {
    await t.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
