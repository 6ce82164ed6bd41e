import { z } from 'zod';
import { fail } from '../errors';
import { readJsonFile, writeJsonFile } from '../store/files';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import type { Settings } from '../types';

/** `settings.json`: only what differs from the defaults needs to be there. */

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  proxy: null,
  insecure: false,
  timeoutMs: 30000,
  maxRedirects: 10,
};

const settingsFile = z.object({
  theme: z.enum(['light', 'dark', 'system']).optional(),
  proxy: z.string().nullable().optional(),
  insecure: z.boolean().optional(),
  timeoutMs: z.number().int().min(0).optional(),
  maxRedirects: z.number().int().min(0).optional(),
});

/** Merges a patch over settings, checking the proxy URL. Pure. */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next: Settings = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(next, { [k]: v });
  if (typeof next.proxy === 'string') {
    const proxy = next.proxy.trim();
    if (!proxy) next.proxy = null;
    else {
      let url: URL | null = null;
      try {
        url = new URL(proxy);
      } catch {
        url = null;
      }
      if (!url || !/^https?:$/.test(url.protocol))
        fail('INVALID_ARGUMENT', `Invalid proxy "${proxy}": use a URL such as http://127.0.0.1:3128`);
      next.proxy = proxy;
    }
  }
  return next;
}

export class SettingsStore {
  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {}

  async get(): Promise<Settings> {
    const file = await readJsonFile(
      this.dataDir,
      layout.settings(this.dataDir),
      (raw) => settingsFile.safeParse(raw).data ?? null,
      'settings file',
    );
    return applySettingsPatch(DEFAULT_SETTINGS, (file ?? {}) as Partial<Settings>);
  }

  update(patch: Partial<Settings>): Promise<Settings> {
    return this.queue.run(async () => {
      const next = applySettingsPatch(await this.get(), patch);
      await writeJsonFile(layout.settings(this.dataDir), next);
      return next;
    });
  }
}
