import { fail } from '../../shared/errors';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsPatch,
  settingsPatchSchema,
} from '../../shared/settings';
import { checkBrowserPath } from '../browser/find';
import { readJsonFile, writeJsonFile } from '../store/files';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import { RecentStamps, stampOf } from '../store/stamp';

/** Merges a patch over settings, checking the proxy URL (an empty proxy or browser path is none). Pure. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...current };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(next, { [k]: v });
  if (typeof next.browserPath === 'string') next.browserPath = next.browserPath.trim() || null;
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

  /** The settings read last, with the stamp of the file they came from. */
  private cached: { stamp: string; settings: Settings } | null = null;
  private readonly stamps = new RecentStamps();

  /** The settings, read again only when `settings.json` changed (one stat per call). */
  get(): Promise<Settings> {
    return this.cachedRead(stampOf);
  }

  /**
   * The settings for a send: `settings.json` is looked at (one stat) at most once per
   * RECHECK_MS, or at once after this process wrote it; see store/stamp.ts.
   */
  current(): Promise<Settings> {
    return this.cachedRead((file) => this.stamps.of(file));
  }

  private async cachedRead(stampFor: (file: string) => Promise<string | null>): Promise<Settings> {
    const file = layout.settings(this.dataDir);
    const stamp = await stampFor(file);
    if (stamp !== null && this.cached?.stamp === stamp) return { ...this.cached.settings };
    const settings = await this.read();
    // The file may have changed while we read it: stamp again, cache only when it held still.
    if (stamp !== null && (await stampOf(file)) === stamp) this.cached = { stamp, settings: { ...settings } };
    else this.cached = null;
    return settings;
  }

  /** `settings.json` holds any of the settings (`settingsPatchSchema`); what it leaves out is the default. */
  private async read(): Promise<Settings> {
    const file = await readJsonFile(
      this.dataDir,
      layout.settings(this.dataDir),
      (raw) => settingsPatchSchema.safeParse(raw).data ?? null,
      'settings file',
    );
    return applySettingsPatch(DEFAULT_SETTINGS, file ?? {});
  }

  update(patch: SettingsPatch): Promise<Settings> {
    return this.queue.run(async () => {
      const next = applySettingsPatch(await this.get(), patch);
      // A browser path is checked when set (not on every read: an uninstalled browser is the login's error).
      if (patch.browserPath && next.browserPath) checkBrowserPath(next.browserPath);
      this.cached = null;
      await writeJsonFile(layout.settings(this.dataDir), next);
      return next;
    });
  }
}
