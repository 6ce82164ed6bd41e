import { z } from 'zod';
import { profileName } from './schemas';

/**
 * Browser login: a real browser window per profile, with its own storage. The user logs in by
 * hand (SSO, MFA, captchas all work); on Done or close, the cookies of the chosen domains go into
 * the profile's jar with every attribute kept. Shapes shared by the core, the CLI and the UI.
 */

export const browserLoginArgs = z.object({
  profile: profileName,
  /** Where the browser opens: the login page. */
  url: z.string().min(1).max(8192),
  /** Whose cookies to take (each also covers its subdomains); default the URL's host. */
  domains: z.array(z.string().min(1).max(253)).max(50).optional(),
  /** Chrome, Chromium or Edge to use (default: the browserPath setting, else TANDEM_BROWSER, else the first found). */
  browserPath: z.string().max(4096).optional(),
});
export type BrowserLoginArgs = z.infer<typeof browserLoginArgs>;

export interface BrowserLoginResult {
  profile: string;
  /** The cookies put into the jar, by name (domain order). */
  imported: Array<{ name: string; domain: string; path: string }>;
  /** Cookies the browser held for other domains (left out). */
  skipped: number;
  domains: string[];
  /** How the window ended: the user pressed Done, or closed it. */
  ended: 'done' | 'closed';
}

/** A browser cookie's domain ('.example.com' or 'example.com') is one of the chosen domains or under one. */
export function domainChosen(cookieDomain: string, chosen: readonly string[]): boolean {
  const d = cookieDomain.replace(/^\./, '').toLowerCase();
  return chosen.some((c) => {
    const want = c.trim().replace(/^\./, '').toLowerCase();
    return d === want || d.endsWith(`.${want}`) || want.endsWith(`.${d}`);
  });
}
