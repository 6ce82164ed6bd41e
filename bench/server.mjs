// The loopback API every benchmark talks to. It runs in its own process (so the server's
// work does not land on the measured client's event loop), listens on 127.0.0.1 only, and
// prints {"port":N} on its first stdout line. It exits when its parent closes stdin.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const sessions = new Map(); // sid -> user
const stats = { requests: 0, withCookie: 0 };
const bigBodies = new Map();

function cookieValue(header, name) {
  if (!header) return null;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return null;
}

/**
 * A JSON array of about `bytes` bytes. Its first element carries `<tag>:body` (text that is in the
 * body only, never in the URL the page echoes), so a page can tell runs apart.
 */
function bigJson(bytes, tag) {
  let rest = bigBodies.get(bytes);
  if (!rest) {
    const items = [];
    let size = 2;
    for (let i = 0; size < bytes; i++) {
      const item = JSON.stringify({ id: i, name: `item-${i}`, tags: ['alpha', 'beta'], active: i % 2 === 0 });
      items.push(item);
      size += item.length + 1;
    }
    rest = Buffer.from(`${items.join(',')}]`);
    bigBodies.set(bytes, rest);
  }
  return Buffer.concat([Buffer.from(`[${JSON.stringify({ tag: `${tag}:body` })},`), rest]);
}

function json(res, status, value, setCookies = []) {
  const body = Buffer.from(JSON.stringify(value));
  const headers = { 'content-type': 'application/json', 'content-length': body.length };
  if (setCookies.length) headers['set-cookie'] = setCookies;
  res.writeHead(status, headers);
  res.end(body);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const cookie = req.headers.cookie;
  if (url.pathname !== '/stats') {
    stats.requests++;
    if (cookie) stats.withCookie++;
  }
  // Drain any request body before answering.
  req.resume();
  req.on('end', () => {
    switch (url.pathname) {
      case '/json': {
        const i = Number(url.searchParams.get('i') ?? 0);
        const seq = cookieValue(cookie, 'seq');
        json(res, 200, { ok: true, i, seq }, [`seq=${i}; Path=/`]);
        return;
      }
      case '/login': {
        const user = url.searchParams.get('user') ?? 'anonymous';
        const sid = randomBytes(12).toString('hex');
        sessions.set(sid, user);
        json(res, 200, { user }, [`sid=${sid}; Path=/; HttpOnly`]);
        return;
      }
      case '/whoami': {
        const sid = cookieValue(cookie, 'sid');
        const hits = Number(cookieValue(cookie, 'hits') ?? 0) + 1;
        json(res, 200, { user: sid ? (sessions.get(sid) ?? null) : null }, [`hits=${hits}; Path=/`]);
        return;
      }
      case '/big': {
        const body = bigJson(
          Number(url.searchParams.get('bytes') ?? 1024),
          url.searchParams.get('tag') ?? '',
        );
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
        return;
      }
      case '/stats': {
        if (url.searchParams.has('reset')) {
          stats.requests = 0;
          stats.withCookie = 0;
        }
        json(res, 200, stats);
        return;
      }
      default:
        json(res, 404, { error: 'not found' });
    }
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
// Stop with the parent: when it closes our stdin (or dies), we go.
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
// Never outlive a run by much, whatever happens to the parent.
setTimeout(() => process.exit(0), 15 * 60_000).unref();
