/**
 * Figure 1 — engine overhead: the same keep-alive sequence of small JSON requests (a cookie set
 * on every response and sent on the next) through Tandem's `send()` with a profile jar, through
 * raw `undici.request` with no jar, and (context) raw undici plus a naive tough-cookie jar.
 * The contenders alternate in rounds so machine noise lands on all of them.
 */
import { performance } from 'node:perf_hooks';
import { CookieJar } from 'tough-cookie';
import { Agent, request } from 'undici';
import { ProfileJar } from '../main/core/cookies/jar';
import { closeDispatchers, send } from '../main/core/http/send';
import { defaultSettings, makeProfile } from './fixtures';
import { median, p95, pairedDifference, pairedRatio, rotate, round } from './stats';

export interface EngineFigure {
  requests_per_contender: number;
  rounds: number;
  tandem_median_us: number;
  tandem_p95_us: number;
  undici_median_us: number;
  undici_p95_us: number;
  undici_toughcookie_median_us: number;
  undici_toughcookie_p95_us: number;
  /** Tandem with the profile's cookie store off: the engine's own cost without any jar work. */
  tandem_nojar_median_us: number;
  /** Tandem ÷ raw undici: median over rounds of the per-round median ratio (goal ≤ 1.10). */
  engine_vs_undici_ratio: number;
  /** Interquartile range of the per-round ratios (how much the machine's noise moved it). */
  engine_vs_undici_ratio_iqr: [number, number];
  /** Tandem − raw undici per request, µs (median over rounds): the engine's own cost, which a ratio hides when the machine's latency changes. */
  engine_overhead_us: number;
  /** Tandem median ÷ undici + naive tough-cookie median (context: the cost of any cookie jar). */
  engine_vs_undici_toughcookie_ratio: number;
  /** Tandem with the cookie store off ÷ raw undici (context: what the jar costs vs the plumbing). */
  engine_nojar_vs_undici_ratio: number;
  /** Every Tandem request sent the cookie the previous response set. */
  cookies_round_tripped: boolean;
}

type Contender = 'tandem' | 'undici' | 'tough' | 'nojar';

export async function benchEngine(base: string, opts: { quick: boolean }): Promise<EngineFigure> {
  const warmup = opts.quick ? 300 : 1000;
  const rounds = opts.quick ? 12 : 40;
  const perRound = opts.quick ? 50 : 125;
  const profile = makeProfile('bench');
  const noJarProfile = { ...makeProfile('bench-nojar'), cookieStore: false };
  const noJar = new ProfileJar();
  const jar = new ProfileJar();
  const settings = defaultSettings();
  // The engine's own agents are `new Agent({ connect })` with undici's keep-alive defaults: same here.
  const agent = new Agent();
  const tough = new CookieJar();
  let i = 0;
  let roundTrip = true;
  let tandemSent = 0;

  const one: Record<Contender, () => Promise<void>> = {
    tandem: async () => {
      const n = ++i;
      const first = tandemSent++ === 0;
      const res = await send(
        { method: 'GET', url: `${base}/json?i=${n}`, headers: [], body: { type: 'none' } },
        { profile, jar, settings },
      );
      if (res.status !== 200) throw new Error(`tandem got ${res.status}`);
      const seq = (JSON.parse(res.body) as { seq: string | null }).seq;
      if (!first && seq === null) roundTrip = false;
    },
    nojar: async () => {
      const res = await send(
        { method: 'GET', url: `${base}/json?i=${++i}`, headers: [], body: { type: 'none' } },
        { profile: noJarProfile, jar: noJar, settings },
      );
      if (res.status !== 200) throw new Error(`tandem (no jar) got ${res.status}`);
    },
    undici: async () => {
      const res = await request(`${base}/json?i=${++i}`, { dispatcher: agent, method: 'GET' });
      await res.body.text();
      if (res.statusCode !== 200) throw new Error(`undici got ${res.statusCode}`);
    },
    tough: async () => {
      const url = `${base}/json?i=${++i}`;
      const cookie = tough.getCookieStringSync(url);
      const res = await request(url, {
        dispatcher: agent,
        method: 'GET',
        headers: cookie ? { cookie } : {},
      });
      await res.body.text();
      const set = res.headers['set-cookie'];
      for (const c of Array.isArray(set) ? set : set ? [set] : []) tough.setCookieSync(c, url);
    },
  };

  const all: Contender[] = ['tandem', 'undici', 'tough', 'nojar'];
  // samples[c][r]: per-request µs of contender c in round r.
  const samples: Record<Contender, number[][]> = { tandem: [], undici: [], tough: [], nojar: [] };
  const batch = async (c: Contender, n: number, keep: number[] | null) => {
    for (let k = 0; k < n; k++) {
      const t0 = performance.now();
      await one[c]();
      keep?.push((performance.now() - t0) * 1000);
    }
  };

  try {
    for (const c of all) await batch(c, warmup, null);
    for (let r = 0; r < rounds; r++) {
      for (const c of rotate(all, r)) {
        const keep: number[] = [];
        samples[c].push(keep);
        await batch(c, perRound, keep);
      }
    }
  } finally {
    await agent.close();
    await closeDispatchers();
  }

  const flat = (c: Contender) => samples[c].flat();
  const m = (c: Contender) => round(median(flat(c)), 1);
  const q = (c: Contender) => round(p95(flat(c)), 1);
  const vsUndici = pairedRatio(samples.tandem, samples.undici);
  return {
    requests_per_contender: rounds * perRound,
    rounds,
    tandem_median_us: m('tandem'),
    tandem_p95_us: q('tandem'),
    undici_median_us: m('undici'),
    undici_p95_us: q('undici'),
    undici_toughcookie_median_us: m('tough'),
    undici_toughcookie_p95_us: q('tough'),
    engine_vs_undici_ratio: vsUndici.median,
    engine_vs_undici_ratio_iqr: [vsUndici.p25, vsUndici.p75],
    engine_overhead_us: pairedDifference(samples.tandem, samples.undici),
    engine_vs_undici_toughcookie_ratio: pairedRatio(samples.tandem, samples.tough).median,
    tandem_nojar_median_us: m('nojar'),
    engine_nojar_vs_undici_ratio: pairedRatio(samples.nojar, samples.undici).median,
    cookies_round_tripped: roundTrip,
  };
}
