import { randomBytes } from 'node:crypto';
import { deleteCookie, intParam, json, multiDict, type Reply, redirect, serializeCookie, text } from './http';
import { type DemoContext, HttpError, type Route } from './types';

/** httpbin-compatible endpoints, with httpbin's JSON shapes. */

const MAX_REDIRECTS = 100;
const MAX_DELAY_MS = 10_000;
const MAX_BYTES = 100 * 1024;

/** A 4×4 violet PNG. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR42mOoifkPRwzEcQD1gh1x2AI1cwAAAABJRU5ErkJggg==',
  'base64',
);

export const SAMPLE_JSON = {
  slideshow: {
    author: 'Yours Truly',
    date: 'date of publication',
    slides: [
      { title: 'Wake up to WonderWidgets!', type: 'all' },
      {
        items: ['Why <em>WonderWidgets</em> are great', 'Who <em>buys</em> WonderWidgets'],
        title: 'Overview',
        type: 'all',
      },
    ],
    title: 'Sample Slide Show',
  },
};

const SAMPLE_HTML = `<!DOCTYPE html>
<html>
  <head><title>Herman Melville - Moby-Dick</title></head>
  <body>
    <h1>Herman Melville - Moby-Dick</h1>
    <p>Availing himself of the mild, summer-cool weather that now reigned in these latitudes,
    and in preparation for the peculiarly active pursuits shortly to be anticipated, Perth,
    the begrimed, blistered old blacksmith, had not removed his portable forge to the hold again.</p>
  </body>
</html>
`;

function args(ctx: DemoContext) {
  return multiDict(ctx.url.searchParams);
}

function getShape(ctx: DemoContext) {
  return { args: args(ctx), headers: ctx.headers, origin: ctx.origin, url: ctx.url.href };
}

async function bodyShape(ctx: DemoContext) {
  const b = await ctx.body();
  return {
    args: args(ctx),
    data: b.data,
    files: b.files,
    form: b.form,
    headers: ctx.headers,
    json: b.json,
    origin: ctx.origin,
    url: ctx.url.href,
    uploads: b.uploads,
  };
}

function countParam(ctx: DemoContext, name = 'n'): number {
  const n = intParam(ctx.params[name]);
  if (n === null || n < 1 || n > MAX_REDIRECTS)
    throw new HttpError(400, `Redirect count must be a number from 1 to ${MAX_REDIRECTS}`);
  return n;
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 305, 307, 308]);

function statusReply(code: number): Reply {
  if (REDIRECT_STATUSES.has(code)) return redirect('/redirect/1', [], code);
  if (code === 401)
    return { status: 401, headers: [['WWW-Authenticate', 'Basic realm="Fake Realm"']], body: '' };
  if (code === 418) return text(418, "I'm a teapot\n");
  return { status: code, headers: [['Content-Type', 'text/html; charset=utf-8']], body: '' };
}

export const httpbinRoutes: Route[] = [
  {
    methods: ['GET'],
    pattern: '/get',
    description: 'Echo query args, headers, origin and url',
    handle: (ctx) => json(200, getShape(ctx)),
  },
  {
    methods: ['POST'],
    pattern: '/post',
    description: 'Echo a POST: args, data, files, form, headers, json',
    handle: async (ctx) => json(200, await bodyShape(ctx)),
  },
  {
    methods: ['PUT'],
    pattern: '/put',
    description: 'Echo a PUT',
    handle: async (ctx) => json(200, await bodyShape(ctx)),
  },
  {
    methods: ['PATCH'],
    pattern: '/patch',
    description: 'Echo a PATCH',
    handle: async (ctx) => json(200, await bodyShape(ctx)),
  },
  {
    methods: ['DELETE'],
    pattern: '/delete',
    description: 'Echo a DELETE',
    handle: async (ctx) => json(200, await bodyShape(ctx)),
  },
  {
    methods: '*',
    pattern: '/anything*',
    description: 'Echo anything: method, url, args, headers, form, json, data, files',
    handle: async (ctx) => json(200, { ...(await bodyShape(ctx)), method: ctx.method }),
  },
  {
    methods: ['GET'],
    pattern: '/headers',
    description: 'The request headers, httpbin-cased',
    handle: (ctx) => json(200, { headers: ctx.headers }),
  },
  {
    methods: ['GET'],
    pattern: '/ip',
    description: 'The client address',
    handle: (ctx) => json(200, { origin: ctx.origin }),
  },
  {
    methods: ['GET'],
    pattern: '/user-agent',
    description: 'The User-Agent header',
    handle: (ctx) => json(200, { 'user-agent': ctx.headers['User-Agent'] ?? null }),
  },
  {
    methods: ['GET'],
    pattern: '/cookies',
    description: 'The cookies this request carried: {"cookies": {name: value}}',
    handle: (ctx) => json(200, { cookies: ctx.cookies }),
  },
  {
    methods: ['GET'],
    pattern: '/cookies/set',
    description: '302 to /cookies, one Set-Cookie (Path=/) per query pair',
    handle: (ctx) => {
      const cookies: string[] = [];
      for (const [k, v] of ctx.url.searchParams) cookies.push(serializeCookie(k, v));
      return redirect('/cookies', cookies);
    },
  },
  {
    methods: ['GET'],
    pattern: '/cookies/set/:name/:value',
    description: '302 to /cookies setting NAME=VALUE',
    handle: (ctx) => redirect('/cookies', [serializeCookie(ctx.params.name, ctx.params.value)]),
  },
  {
    methods: ['GET'],
    pattern: '/cookies/delete',
    description: '302 to /cookies, expiring each named cookie',
    handle: (ctx) => {
      const names = [...new Set([...ctx.url.searchParams.keys()])];
      return redirect(
        '/cookies',
        names.map((n) => deleteCookie(n)),
      );
    },
  },
  {
    methods: ['GET'],
    pattern: '/redirect/:n',
    description: 'A chain of N 302s ending at /get',
    handle: (ctx) => {
      const n = countParam(ctx);
      if (ctx.url.searchParams.get('absolute') === 'true')
        return redirect(n === 1 ? `${ctx.url.origin}/get` : `${ctx.url.origin}/absolute-redirect/${n - 1}`);
      return redirect(n === 1 ? '/get' : `/redirect/${n - 1}`);
    },
  },
  {
    methods: ['GET'],
    pattern: '/relative-redirect/:n',
    description: 'N 302s with relative Location headers, ending at /get',
    handle: (ctx) => {
      const n = countParam(ctx);
      return redirect(n === 1 ? '/get' : `/relative-redirect/${n - 1}`);
    },
  },
  {
    methods: ['GET'],
    pattern: '/absolute-redirect/:n',
    description: 'N 302s with absolute Location headers, ending at /get',
    handle: (ctx) => {
      const n = countParam(ctx);
      return redirect(n === 1 ? `${ctx.url.origin}/get` : `${ctx.url.origin}/absolute-redirect/${n - 1}`);
    },
  },
  {
    methods: '*',
    pattern: '/redirect-to',
    description: 'Redirect to ?url= with ?status_code= (default 302)',
    handle: (ctx) => {
      const target = ctx.url.searchParams.get('url');
      if (!target) throw new HttpError(400, 'Missing query parameter "url"');
      const code = intParam(ctx.url.searchParams.get('status_code'));
      return redirect(target, [], code !== null && code >= 300 && code < 400 ? code : 302);
    },
  },
  {
    methods: '*',
    pattern: '/status/:code',
    description: 'Answer with the given status code',
    handle: (ctx) => {
      const code = intParam(ctx.params.code);
      if (code === null || code < 200 || code > 599)
        throw new HttpError(400, `Invalid status code "${ctx.params.code}": use 200 to 599`);
      return statusReply(code);
    },
  },
  {
    methods: '*',
    pattern: '/delay/:ms',
    description: 'Answer after MS milliseconds (at most 10000)',
    handle: async (ctx) => {
      const ms = intParam(ctx.params.ms);
      if (ms === null) throw new HttpError(400, `Invalid delay "${ctx.params.ms}": use milliseconds`);
      await sleep(Math.min(ms, MAX_DELAY_MS), ctx.signal);
      return json(200, { ...getShape(ctx), delayMs: Math.min(ms, MAX_DELAY_MS) });
    },
  },
  {
    methods: ['GET'],
    pattern: '/json',
    description: 'A sample JSON document',
    handle: () => json(200, SAMPLE_JSON),
  },
  {
    methods: ['GET'],
    pattern: '/html',
    description: 'A sample HTML page',
    handle: () => text(200, SAMPLE_HTML, 'text/html; charset=utf-8'),
  },
  {
    methods: ['GET'],
    pattern: '/bytes/:n',
    description: 'N random bytes (at most 102400)',
    handle: (ctx) => {
      const n = intParam(ctx.params.n);
      if (n === null || n > MAX_BYTES)
        throw new HttpError(400, `Invalid byte count "${ctx.params.n}": use 0 to ${MAX_BYTES}`);
      return { status: 200, headers: [['Content-Type', 'application/octet-stream']], body: randomBytes(n) };
    },
  },
  {
    methods: ['GET'],
    pattern: '/image/png',
    description: 'A tiny PNG image',
    handle: () => ({ status: 200, headers: [['Content-Type', 'image/png']], body: PNG_BYTES }),
  },
];
