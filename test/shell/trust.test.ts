import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../main/shell/menu';
import { isAppUrl, isExternalWebUrl, senderCheck } from '../../main/shell/trust';

const built = { indexUrl: 'file:///opt/Tandem/resources/app/out/renderer/index.html', devServerUrl: null };
const dev = { ...built, devServerUrl: 'http://localhost:5173/' };

describe('which pages count as the app', () => {
  it('the built index.html is the app, with or without a query or hash', () => {
    expect(isAppUrl('file:///opt/Tandem/resources/app/out/renderer/index.html', built)).toBe(true);
    expect(isAppUrl('file:///opt/Tandem/resources/app/out/renderer/index.html?x=1#/cookies', built)).toBe(
      true,
    );
  });

  it('another local file, a web page or garbage is not the app', () => {
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('file:///opt/Tandem/resources/app/out/renderer/other.html', built)).toBe(false);
    expect(isAppUrl('https://evil.example/', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', built)).toBe(false);
    expect(isAppUrl('about:blank', built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
    expect(isAppUrl(undefined, built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
  });

  it('in development the dev server origin is the app, other ports are not', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('an IPC call from a frame showing another page is not trusted; a destroyed frame neither', () => {
    const check = senderCheck(built);
    expect(check({ senderFrame: { url: built.indexUrl } })).toBe(true);
    expect(check({ senderFrame: { url: 'https://evil.example/' } })).toBe(false);
    expect(check({ senderFrame: null })).toBe(false);
    expect(check({})).toBe(false);
  });

  it('only http(s) links are handed to the system browser', () => {
    expect(isExternalWebUrl('https://httpbin.org/cookies')).toBe(true);
    expect(isExternalWebUrl('http://127.0.0.1:8080/')).toBe(true);
    expect(isExternalWebUrl('file:///etc/passwd')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://share/x')).toBe(false);
  });
});

describe('the application menu', () => {
  const roles = (t: ReturnType<typeof menuTemplate>) =>
    JSON.stringify(t)
      .match(/"role":"[A-Za-z]+"/g)
      ?.map((r) => r.slice(8, -1)) ?? [];

  it('on Linux and Windows: File › Quit, Edit, View with reload/devtools/zoom, Window', () => {
    const r = roles(menuTemplate('linux'));
    expect(r).not.toContain('appMenu');
    for (const role of [
      'quit',
      'editMenu',
      'reload',
      'toggleDevTools',
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'minimize',
      'close',
    ]) {
      expect(r).toContain(role);
    }
  });

  it('leaves Ctrl/Cmd+W, N, S, K and / to the app (tabs, save, palette, shortcuts)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const accelerators = JSON.stringify(menuTemplate(platform)).match(/"accelerator":"[^"]*"/g) ?? [];
      for (const a of accelerators) expect(a).not.toMatch(/(Ctrl|Cmd|CmdOrCtrl)\+[WNSK/]"/);
      expect(JSON.stringify(menuTemplate(platform))).not.toContain('windowMenu');
    }
  });

  it('on macOS the app menu comes first and File closes the window', () => {
    const t = menuTemplate('darwin');
    expect(t[0]).toEqual({ role: 'appMenu' });
    expect(roles(t)).toContain('close');
  });
});
