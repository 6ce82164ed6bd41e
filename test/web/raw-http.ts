import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json(): unknown;
}

/**
 * A raw HTTP request to 127.0.0.1 (node:http, so the Host header, odd paths and
 * declared lengths are sent exactly as written; fetch would normalise them).
 */
export function rawRequest(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

/** Opens the SSE stream and collects its text; `waitFor` resolves once the text matches. */
export function openEvents(port: number, path: string) {
  let text = '';
  let ended = false;
  const waiters: Array<{ re: RegExp; resolve: () => void }> = [];
  const check = () => {
    for (const w of [...waiters]) {
      if (w.re.test(text)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  let status = 0;
  let contentType = '';
  const endWaiters: Array<() => void> = [];
  const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}` } }, (res) => {
    status = res.statusCode ?? 0;
    contentType = String(res.headers['content-type'] ?? '');
    res.setEncoding('utf8');
    res.on('data', (c: string) => {
      text += c;
      check();
    });
    res.on('end', () => {
      ended = true;
      for (const e of endWaiters) e();
    });
  });
  req.on('error', () => {
    ended = true;
    for (const e of endWaiters) e();
  });
  req.end();
  return {
    get text() {
      return text;
    },
    get status() {
      return status;
    },
    get contentType() {
      return contentType;
    },
    waitFor(re: RegExp): Promise<void> {
      return new Promise((resolve) => {
        waiters.push({ re, resolve });
        check();
      });
    },
    ended(): Promise<void> {
      return ended ? Promise.resolve() : new Promise((resolve) => endWaiters.push(resolve));
    },
    close() {
      req.destroy();
    },
  };
}
