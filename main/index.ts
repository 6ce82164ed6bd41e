import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, screen, session, shell } from 'electron';
import { resolveDataDir } from './core/store/paths';
import { createTandem, type Tandem } from './core/tandem';
import { sampleWorkspace } from './demo/sample';
import { DEFAULT_DEMO_PORT, startDemoServer } from './demo/server';
import { electronBrowserLogin } from './shell/browser-login';
import { menuTemplate } from './shell/menu';
import { forwardEvents, registerHandlers } from './shell/register';
import { safeStorageBox } from './shell/secret-box';
import { type AppLocation, isAppUrl, isExternalWebUrl, senderCheck } from './shell/trust';
import { fitWindowState, loadWindowState, saveWindowState } from './shell/window-state';
import { CONTENT_SECURITY_POLICY } from './web/csp';

// Electron main: thin. One window, the core in this process, the contract over IPC.

let win: BrowserWindow | null = null;
let shutdown: (() => Promise<void>) | null = null;

const location: AppLocation = {
  indexUrl: pathToFileURL(join(__dirname, '../renderer/index.html')).href,
  devServerUrl: process.env.ELECTRON_RENDERER_URL || null,
};

function openExternally(url: string): void {
  if (isExternalWebUrl(url)) void shell.openExternal(url);
}

function createWindow(dataDir: string): BrowserWindow {
  const state = fitWindowState(
    loadWindowState(dataDir),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const w = new BrowserWindow({
    ...state,
    minWidth: 640,
    minHeight: 420,
    show: false,
    title: 'Tandem',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#16161a' : '#ffffff',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      // Written out here (not spread from a helper) so the hardening check reads them at the call.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  w.once('ready-to-show', () => {
    if (state.maximized) w.maximize();
    w.show();
  });
  w.on('close', () => {
    const b = w.getNormalBounds();
    saveWindowState(dataDir, { ...b, maximized: w.isMaximized() });
  });
  w.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  w.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, location)) return;
    event.preventDefault();
    openExternally(url);
  });
  if (location.devServerUrl) void w.loadURL(location.devServerUrl);
  else void w.loadFile(join(__dirname, '../renderer/index.html'));
  return w;
}

function secureSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // Under `electron-vite dev` the page needs Vite's inline React-refresh preamble, which
    // runs before the page's own CSP <meta>; the header would block it, so it is for builds only.
    if (location.devServerUrl || !isAppUrl(details.url, location)) {
      callback({ responseHeaders: details.responseHeaders });
      return;
    }
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

async function boot(): Promise<void> {
  await app.whenReady();
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)));
  secureSession();

  const dataDir = resolveDataDir({});
  mkdirSync(dataDir, { recursive: true });
  const demo = await startDemoServer({ port: DEFAULT_DEMO_PORT, fallbackToRandomPort: true }).catch(
    () => null,
  );
  let tandem: Tandem;
  try {
    tandem = await createTandem({
      dataDir,
      host: 'electron',
      demoUrl: demo?.url ?? null,
      seedSample: sampleWorkspace,
      secretBox: safeStorageBox() ?? undefined,
    });
  } catch (e) {
    await demo?.close();
    throw e;
  }

  // Browser login opens an isolated BrowserWindow here instead of an outside browser.
  const handlers = { ...tandem, ...electronBrowserLogin({ BrowserWindow, session }, tandem) };
  const unregister = registerHandlers(ipcMain, handlers, senderCheck(location));
  const stopEvents = forwardEvents(tandem.events, (channel, message) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, message);
  });
  shutdown = async () => {
    stopEvents();
    unregister();
    await tandem.close();
    await demo?.close();
  };

  const open = () => {
    const w = createWindow(dataDir);
    w.on('closed', () => {
      if (win === w) win = null;
    });
    win = w;
  };
  open();
  // macOS: clicking the dock icon with no window open brings one back.
  app.on('activate', () => {
    if (!win) open();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !shutdown) return;
    event.preventDefault();
    quitting = true;
    shutdown()
      .catch(() => undefined)
      .finally(() => app.exit(0));
  });
  boot().catch((e: unknown) => {
    dialog.showErrorBox('Tandem could not start', String((e as Error)?.message ?? e).split('\n')[0]);
    app.exit(1);
  });
}
