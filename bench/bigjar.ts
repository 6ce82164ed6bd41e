/**
 * Figure 4 — a big jar: 10,000 cookies over 1,000 domains in one profile.
 * In memory: µs to choose the Cookie header for a request and µs to store a Set-Cookie, against
 * a plain tough-cookie CookieJar holding the same cookies. On disk, through the facade: ms to
 * save after 1 and after 100 changed cookies (the journal append) and ms to load the workspace,
 * against tough-cookie's full serializeSync()/deserializeSync() of the same jar.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Cookie, CookieJar, MemoryCookieStore } from 'tough-cookie';
import { ProfileJar } from '../main/core/cookies/jar';
import { CookieJournal } from '../main/core/store/journal';
import { layout } from '../main/core/store/paths';
import { WriteQueue } from '../main/core/store/queue';
import { createTandem } from '../main/core/tandem';
import { median, p95, ratio, round } from './stats';

export interface BigJarFigure {
  cookies: number;
  domains: number;
  header_median_us: number;
  header_p95_us: number;
  toughcookie_header_median_us: number;
  header_vs_toughcookie_ratio: number;
  store_median_us: number;
  store_p95_us: number;
  toughcookie_store_median_us: number;
  store_vs_toughcookie_ratio: number;
  serialize_ms: number;
  serialize_bytes: number;
  deserialize_ms: number;
  save_1_changed_ms: number | null;
  save_100_changed_ms: number | null;
  save_1_changed_bytes: number | null;
  save_100_changed_bytes: number | null;
  /** Saving one changed cookie ÷ tough-cookie's full serializeSync (goal: far below 1). */
  save_vs_serialize_ratio: number;
  load_ms: number | null;
  load_vs_deserialize_ratio: number;
  save_note?: string;
}

const DOMAINS = 1000;
const PER_DOMAIN = 10;

function host(d: number): string {
  return `shop${d}.com`;
}

/** The Set-Cookie headers that fill the jar: half host-only on www., half Domain= cookies. */
export function bigJarCookies(): Array<{ raw: string; url: string }> {
  const out: Array<{ raw: string; url: string }> = [];
  for (let d = 0; d < DOMAINS; d++) {
    const url = `https://www.${host(d)}/app/page`;
    for (let k = 0; k < PER_DOMAIN; k++) {
      const attrs = [
        k % 2 === 0 ? `Domain=${host(d)}` : '',
        k % 3 === 0 ? 'Path=/app' : 'Path=/',
        k % 4 === 0 ? '' : 'Max-Age=86400',
        k % 5 === 0 ? 'HttpOnly' : '',
      ].filter(Boolean);
      out.push({ raw: [`c${k}=v${d}-${k}`, ...attrs].join('; '), url });
    }
  }
  return out;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function timeEach(n: number, fn: (k: number) => void): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    fn(k);
    out[k] = (performance.now() - t0) * 1000;
  }
  return out;
}

export async function benchBigJar(opts: { quick: boolean }): Promise<BigJarFigure> {
  const ops = opts.quick ? 2000 : 10_000;
  const cookies = bigJarCookies();
  const jar = new ProfileJar();
  const tough = new CookieJar(undefined, { rejectPublicSuffixes: true, allowSpecialUseDomain: true });
  for (const c of cookies) {
    jar.storeSetCookie(c.raw, c.url);
    tough.setCookieSync(c.raw, c.url);
  }
  const rnd = lcg(42);
  const urls = Array.from({ length: ops }, () => {
    const d = Math.floor(rnd() * DOMAINS);
    // Parsed once, as the engine holds them: both jars are given URL objects.
    return new URL(rnd() < 0.5 ? `https://www.${host(d)}/app/page` : `https://api.${host(d)}/v1`);
  });
  const sets = Array.from({ length: ops }, (_, k) => {
    const c = cookies[Math.floor(rnd() * cookies.length)];
    return { raw: c.raw.replace(/=v/, `=w${k}-`), url: new URL(c.url) };
  });

  // Alternate the two sides in chunks so noise spreads over both.
  const header: number[] = [];
  const toughHeader: number[] = [];
  const store: number[] = [];
  const toughStore: number[] = [];
  const chunk = 500;
  let sink = 0;
  for (let start = 0; start < ops; start += chunk) {
    const idx = (k: number) => start + (k % chunk);
    header.push(
      ...timeEach(chunk, (k) => {
        const h = jar
          .cookiesFor(urls[idx(k)])
          .map((c) => c.cookieString())
          .join('; ');
        sink += h.length;
      }),
    );
    toughHeader.push(
      ...timeEach(chunk, (k) => {
        sink += tough.getCookieStringSync(urls[idx(k)]).length;
      }),
    );
    store.push(...timeEach(chunk, (k) => jar.storeSetCookie(sets[idx(k)].raw, sets[idx(k)].url)));
    toughStore.push(...timeEach(chunk, (k) => tough.setCookieSync(sets[idx(k)].raw, sets[idx(k)].url)));
  }
  if (sink < 0) console.log(sink);

  const serializeRuns: number[] = [];
  const deserializeRuns: number[] = [];
  let serialized = '';
  for (let r = 0; r < (opts.quick ? 3 : 5); r++) {
    const t0 = performance.now();
    const data = tough.serializeSync();
    serializeRuns.push(performance.now() - t0);
    serialized = JSON.stringify(data);
    const t1 = performance.now();
    rebuildJar(JSON.parse(serialized) as { cookies: unknown[] });
    deserializeRuns.push(performance.now() - t1);
  }
  const serializeMs = median(serializeRuns);
  const deserializeMs = median(deserializeRuns);

  const disk = await benchJarOnDisk(jar, opts).catch((e: unknown) => ({
    note: `not measured: ${e instanceof Error ? e.message : String(e)}`,
  }));
  const d = 'note' in disk ? null : disk;

  return {
    cookies: jar.size,
    domains: DOMAINS,
    header_median_us: round(median(header), 2),
    header_p95_us: round(p95(header), 2),
    toughcookie_header_median_us: round(median(toughHeader), 2),
    header_vs_toughcookie_ratio: ratio(median(header), median(toughHeader)),
    store_median_us: round(median(store), 2),
    store_p95_us: round(p95(store), 2),
    toughcookie_store_median_us: round(median(toughStore), 2),
    store_vs_toughcookie_ratio: ratio(median(store), median(toughStore)),
    serialize_ms: round(serializeMs, 2),
    serialize_bytes: serialized.length,
    deserialize_ms: round(deserializeMs, 2),
    save_1_changed_ms: d ? round(d.save1, 3) : null,
    save_100_changed_ms: d ? round(d.save100, 3) : null,
    save_1_changed_bytes: d ? d.bytes1 : null,
    save_100_changed_bytes: d ? d.bytes100 : null,
    save_vs_serialize_ratio: d ? ratio(d.save1, serializeMs) : Number.NaN,
    load_ms: d ? round(d.load, 1) : null,
    load_vs_deserialize_ratio: d ? ratio(d.load, deserializeMs) : Number.NaN,
    ...('note' in disk ? { save_note: disk.note } : {}),
  };
}

/**
 * What `CookieJar.deserializeSync` does, as a loop: tough-cookie 6 recurses once per cookie
 * there and overflows the stack at 10,000 cookies, so the reference is this equivalent.
 */
function rebuildJar(data: { cookies: unknown[] }): CookieJar {
  const store = new MemoryCookieStore();
  for (const raw of data.cookies) {
    const c = Cookie.fromJSON(raw);
    if (c)
      store.putCookie(c, (e) => {
        if (e) throw e;
      });
  }
  return new CookieJar(store);
}

interface DiskFigures {
  save1: number;
  save100: number;
  bytes1: number;
  bytes100: number;
  load: number;
}

/**
 * On disk. Seeds a profile with the jar through the facade (`cookies.import`), then measures:
 * load = open the workspace and list the profile's cookies (replays the journal); save = change
 * 1 or 100 cookies in the profile's journal-backed jar and wait until the append is on disk
 * (`CookieJournal.flush`, the store's own write path), with the bytes that append added.
 */
async function benchJarOnDisk(jar: ProfileJar, opts: { quick: boolean }): Promise<DiskFigures> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-bench-jar-'));
  try {
    const seed = await createTandem({ dataDir, host: 'cli' });
    const created = await seed['profiles.create']({ name: 'big' });
    if (!created.ok) throw new Error(created.error.message);
    // 10,000 cookies is past the browser-like cap of 3,000 per profile (settings.maxCookies).
    await seed['settings.update']({ patch: { maxCookies: 20_000 } });
    const imported = await seed['cookies.import']({
      profile: 'big',
      format: 'json',
      text: JSON.stringify(jar.list()),
    });
    if (!imported.ok) throw new Error(`cookies.import: ${imported.error.message}`);
    await seed.close();

    const rounds = opts.quick ? 3 : 7;
    const loads: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const t = await createTandem({ dataDir, host: 'cli' });
      const listed = await t['cookies.list']({ profile: 'big' });
      loads.push(performance.now() - t0);
      await t.close();
      if (!listed.ok) throw new Error(`cookies.list: ${listed.error.message}`);
      if (listed.value.length < 10_000) throw new Error(`loaded ${listed.value.length} cookies, not 10000`);
    }

    const file = layout.journal(dataDir, 'big');
    const journal = await CookieJournal.open({
      dataDir,
      file,
      lockFile: layout.journalLock(dataDir, 'big'),
      queue: new WriteQueue(),
    });
    const saves: Record<1 | 100, number[]> = { 1: [], 100: [] };
    const bytes: Record<1 | 100, number[]> = { 1: [], 100: [] };
    try {
      if (journal.jar.size < 10_000) throw new Error(`journal holds ${journal.jar.size} cookies, not 10000`);
      for (let r = 0; r < rounds * 2; r++) {
        const changed = r % 2 === 0 ? 1 : 100;
        const before = (await fs.stat(file)).size;
        const t0 = performance.now();
        for (let k = 0; k < changed; k++)
          journal.jar.set({ name: `c${k % 10}`, value: `r${r}-${k}`, domain: `www.shop${k}.com`, path: '/' });
        await journal.flush();
        saves[changed].push(performance.now() - t0);
        bytes[changed].push((await fs.stat(file)).size - before);
      }
    } finally {
      journal.detach();
    }
    return {
      save1: median(saves[1]),
      save100: median(saves[100]),
      bytes1: median(bytes[1]),
      bytes100: median(bytes[100]),
      load: median(loads),
    };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
