import type { MenuItemConstructorOptions } from 'electron';

/**
 * The standard application menu, built from Electron's roles so every shortcut is the
 * platform's usual one (Cmd/Ctrl+Q, copy/paste, reload, devtools, zoom, minimise). Ctrl/Cmd+W
 * belongs to the app (it closes a request tab), so closing the window is Ctrl/Cmd+Shift+W.
 */
export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [mac ? { role: 'close', accelerator: 'Cmd+Shift+W' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close', accelerator: 'Ctrl+Shift+W' }],
    },
  );
  return template;
}
