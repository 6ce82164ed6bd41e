import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/web/csp';
import { bearerToken, isAllowedHost, isAllowedOrigin, tokenMatches } from '../../main/web/guard';
import { contentTypeFor, resolveStaticPath } from '../../main/web/static';

describe('who may talk to the web-mode server', () => {
  it('answers only to its own loopback name and port (DNS-rebinding guard)', () => {
    expect(isAllowedHost('127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedHost('localhost:4100', 4100)).toBe(true);
    expect(isAllowedHost('LOCALHOST:4100', 4100)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4101', 4100)).toBe(false);
    expect(isAllowedHost('127.0.0.1', 4100)).toBe(false);
    expect(isAllowedHost('evil.example:4100', 4100)).toBe(false);
    expect(isAllowedHost(undefined, 4100)).toBe(false);
  });

  it('a request with no Origin is fine, a page from another origin is not', () => {
    expect(isAllowedOrigin(undefined, 4100)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4100', 4100)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4100', 4100)).toBe(true);
    expect(isAllowedOrigin('https://127.0.0.1:4100', 4100)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:9999', 4100)).toBe(false);
    expect(isAllowedOrigin('null', 4100)).toBe(false);
    expect(isAllowedOrigin('https://evil.example', 4100)).toBe(false);
  });

  it('reads the bearer token and compares it exactly', () => {
    expect(bearerToken('Bearer abc123')).toBe('abc123');
    expect(bearerToken('bearer abc123')).toBe('abc123');
    expect(bearerToken('Basic abc123')).toBe('');
    expect(bearerToken(undefined)).toBe('');
    expect(tokenMatches('abc123', 'abc123')).toBe(true);
    expect(tokenMatches('abc124', 'abc123')).toBe(false);
    expect(tokenMatches('abc1234', 'abc123')).toBe(false);
    expect(tokenMatches('', '')).toBe(false);
  });
});

describe('static files of the built renderer', () => {
  const root = resolve('/srv/tandem/out/renderer');

  it('maps / to index.html and assets inside the folder', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe(join(root, 'assets', 'index-1.js'));
    expect(resolveStaticPath(root, '/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('refuses every way out of the folder', () => {
    for (const p of [
      '/../package.json',
      '/assets/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..\\package.json',
      '/assets/%00.js',
      '/%E0%A4%A',
      '/.env',
    ]) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });

  it('labels what it serves', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('blob.bin')).toBe('application/octet-stream');
  });

  it('the policy lets scripts come only from the app', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "frame-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});
