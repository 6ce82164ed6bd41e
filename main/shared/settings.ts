import { z } from 'zod';
import { DEFAULT_LIMITS, engineLimitsSchema } from './limits';

/**
 * The settings, declared once: this schema is what `settings.json` may hold, what `settings.get`
 * returns (`Settings`, inferred) and, every field optional, what a `settings.update` patch may carry
 * (`settingsPatchSchema`). A new setting is one field here (and its default below when it has one).
 * Fields not named here are dropped, in the file and in a patch. Pure: zod only.
 */
export const settingsSchema = z.object({
  theme: z.enum(['light', 'dark', 'system']),
  /** e.g. http://127.0.0.1:3128 (the core checks it is an http(s) URL; empty = none). */
  proxy: z.string().nullable(),
  insecure: z.boolean(),
  /** The whole exchange, ms; 0 = no limit. */
  timeoutMs: z.number().int().min(0).max(3_600_000),
  maxRedirects: z.number().int().min(0).max(100),
  /** Keep credentials in history as sent (default false: they are redacted, see core/history/redact.ts). */
  keepFullHistory: z.boolean().optional(),
  /** The Chrome/Chromium/Edge a browser login starts in web mode and the CLI (null/absent: TANDEM_BROWSER, else the first found). */
  browserPath: z.string().max(4096).nullable().optional(),
  /** The limit settings (maxBodyMb, idleTimeoutMs, cookie caps…), optional; `limitsOf` fills the defaults. */
  ...engineLimitsSchema.partial().shape,
});

export type Settings = z.infer<typeof settingsSchema>;

/** `settings.json` and a `settings.update` patch: any of the settings; only what differs from the defaults needs to be there. */
export const settingsPatchSchema = settingsSchema.partial();

export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  proxy: null,
  insecure: false,
  timeoutMs: 30000,
  maxRedirects: 10,
  keepFullHistory: false,
  ...DEFAULT_LIMITS,
};
