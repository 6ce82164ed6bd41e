import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatMs,
  presentBody,
  setCookieName,
  statusClass,
  timingSegments,
} from '../../../renderer/src/features/response/format';

const rec = (body: string, contentType: string | null, bodyEncoding: 'utf8' | 'base64' = 'utf8') => ({
  body,
  contentType,
  bodyEncoding,
  size: body.length,
});

describe('response presentation', () => {
  it('colours statuses by class', () => {
    expect([101, 200, 302, 404, 503, 0].map(statusClass)).toEqual([
      'info',
      'success',
      'redirect',
      'client',
      'server',
      'none',
    ]);
  });

  it('formats sizes and times compactly', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20.0 MB');
    expect(formatMs(0.2)).toBe('<1 ms');
    expect(formatMs(42.4)).toBe('42 ms');
    expect(formatMs(1500)).toBe('1.50 s');
  });

  it('pretty-prints JSON, but shows a body over the limit as received', () => {
    const pretty = presentBody(rec('{"a":[1,2]}', 'application/json; charset=utf-8'), 'pretty');
    expect(pretty).toMatchObject({ kind: 'text', language: 'json', pretty: true });
    if (pretty.kind === 'text') expect(pretty.text).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');

    const big = `[${'1,'.repeat(100)}1]`;
    const large = presentBody(rec(big, 'application/json'), 'pretty', 50);
    expect(large).toMatchObject({ kind: 'text', pretty: false, tooLargeToFormat: true, text: big });

    expect(presentBody(rec('{"a":1}', 'application/json'), 'raw')).toMatchObject({
      text: '{"a":1}',
      pretty: false,
    });
    expect(presentBody(rec('{broken', 'application/json'), 'pretty')).toMatchObject({ text: '{broken' });
    expect(presentBody(rec('<p>hi</p>', 'text/html'), 'pretty')).toMatchObject({ language: 'html' });
    expect(presentBody(rec('', 'text/plain'), 'pretty')).toEqual({ kind: 'empty' });
  });

  it('shows images as data URLs and other binary as a size', () => {
    expect(presentBody(rec('iVBORw0KGgo=', 'image/png', 'base64'), 'pretty')).toEqual({
      kind: 'image',
      dataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect(presentBody(rec('AAAA', 'application/octet-stream', 'base64'), 'pretty')).toEqual({
      kind: 'binary',
      bytes: 4,
    });
  });

  it('splits the timing bar into connect, waiting and download that add up to the total', () => {
    const segs = timingSegments({ connect: 10, ttfb: 60, total: 100 });
    expect(segs.map((s) => [s.name, s.ms])).toEqual([
      ['connect', 10],
      ['waiting', 50],
      ['download', 40],
    ]);
    expect(segs.reduce((a, s) => a + s.pct, 0)).toBeCloseTo(100);
  });

  it('names a rejected Set-Cookie from its raw header', () => {
    expect(setCookieName({ raw: 'bad=1; Domain=evil.com', cookie: null, outcome: 'rejected' })).toBe('bad');
    expect(setCookieName({ raw: 'flag', cookie: null, outcome: 'rejected' })).toBe('flag');
  });
});
