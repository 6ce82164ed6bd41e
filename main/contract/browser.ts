import { z } from 'zod';
import { type BrowserLoginResult, browserLoginArgs } from '../shared/browserLogin';
import { cookieInputSchema, profileName } from '../shared/schemas';
import { channel, none } from './channel';

/** Browser login per profile (web mode and the CLI; the Electron shell opens its own window). */
export const browserChannels = {
  /** Opens the browser on the URL; answers when the user presses Done or closes it. */
  'browser.login': channel<BrowserLoginResult>()(() => browserLoginArgs),
  /** The browser a login starts when the `browserPath` setting is empty (TANDEM_BROWSER, else the first found); null when none. */
  'browser.default': channel<{ path: string | null }>()(() => none),
  /** "Done": takes the cookies of the open browser login and closes it. */
  'browser.done': channel<{ finished: boolean }>()(() => z.object({ profile: profileName })),
  /** The cookies a browser window held (the Electron shell's login window) into the profile's jar, source browser. */
  'browser.import': channel<Pick<BrowserLoginResult, 'imported' | 'skipped' | 'domains'>>()(() =>
    z.object({
      profile: profileName,
      url: z.url(),
      domains: z.array(z.string().min(1).max(253)).max(50).optional(),
      cookies: z.array(cookieInputSchema).max(10_000),
    }),
  ),
};
