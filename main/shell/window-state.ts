import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where the window was and how big, remembered in `<dataDir>/window.json`. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW: WindowState = { width: 1440, height: 900, maximized: false };
const MIN_WIDTH = 640;
const MIN_HEIGHT = 420;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads saved state from text; anything malformed gives null (the defaults win). */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.width) || !isInt(r.height)) return null;
  const state: WindowState = {
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits saved state to the screens there are now: size clamped to the largest work area,
 * position dropped (the OS centres the window) unless enough of it lands on some screen.
 */
export function fitWindowState(saved: WindowState | null, workAreas: Rect[]): WindowState {
  const s = saved ?? DEFAULT_WINDOW;
  const maxW = Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width));
  const maxH = Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(s.width, MIN_WIDTH), maxW);
  const height = Math.min(Math.max(s.height, MIN_HEIGHT), maxH);
  const fitted: WindowState = { width, height, maximized: s.maximized };
  if (s.x !== undefined && s.y !== undefined) {
    const rect = { x: s.x, y: s.y, width, height };
    const visible = workAreas.some((a) => overlap(rect, a) >= Math.min(width * height, 200 * 100) / 2);
    if (visible) {
      fitted.x = s.x;
      fitted.y = s.y;
    }
  }
  return fitted;
}

export function windowStatePath(dataDir: string): string {
  return join(dataDir, 'window.json');
}

export function loadWindowState(dataDir: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(windowStatePath(dataDir), 'utf8'));
  } catch {
    return null;
  }
}

/** Crash-safe: write a temp file, fsync, rename over the old one. Never throws. */
export function saveWindowState(dataDir: string, state: WindowState): boolean {
  const target = windowStatePath(dataDir);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', 0o600); // private, like every workspace file
    try {
      writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    return true;
  } catch {
    return false;
  }
}
