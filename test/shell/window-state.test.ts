import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW,
  fitWindowState,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from '../../main/shell/window-state';

const laptop = [{ x: 0, y: 0, width: 1920, height: 1050 }];

describe('the window comes back where it was', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tandem-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('saves size and position to <dataDir>/window.json and reads them back', async () => {
    expect(loadWindowState(dir)).toBeNull();
    expect(saveWindowState(dir, { x: 40, y: 30, width: 1200, height: 800, maximized: true })).toBe(true);
    expect(loadWindowState(dir)).toEqual({ x: 40, y: 30, width: 1200, height: 800, maximized: true });
    expect(await readdir(dir)).toEqual(['window.json']);
    expect(JSON.parse(await readFile(join(dir, 'window.json'), 'utf8')).width).toBe(1200);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'window.json'))).mode & 0o777).toBe(0o600);
  });

  it('a damaged window.json gives the defaults instead of a crash', async () => {
    await writeFile(join(dir, 'window.json'), '{"width": 12');
    expect(loadWindowState(dir)).toBeNull();
    expect(fitWindowState(loadWindowState(dir), laptop)).toEqual(DEFAULT_WINDOW);
  });

  it('saving into a folder that is gone reports false, never throws', () => {
    expect(saveWindowState(join(dir, 'missing', 'deeper'), DEFAULT_WINDOW)).toBe(false);
  });
});

describe('fitting saved bounds to the screens there are now', () => {
  it('keeps a window that is on screen', () => {
    const s = { x: 100, y: 50, width: 1300, height: 850, maximized: false };
    expect(fitWindowState(s, laptop)).toEqual(s);
  });

  it('drops the position of a window left on a monitor that was unplugged', () => {
    const s = { x: 2500, y: 100, width: 1300, height: 850, maximized: false };
    expect(fitWindowState(s, laptop)).toEqual({ width: 1300, height: 850, maximized: false });
  });

  it('shrinks a window bigger than the screen and grows one too small to use', () => {
    expect(fitWindowState({ width: 5000, height: 3000, maximized: false }, laptop)).toMatchObject({
      width: 1920,
      height: 1050,
    });
    expect(fitWindowState({ width: 10, height: 10, maximized: false }, laptop)).toMatchObject({
      width: 640,
      height: 420,
    });
  });

  it('ignores fields of the wrong type', () => {
    expect(parseWindowState('{"width":"wide","height":800}')).toBeNull();
    expect(parseWindowState('{"width":900,"height":700,"x":"left"}')).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
    expect(parseWindowState('null')).toBeNull();
  });
});
