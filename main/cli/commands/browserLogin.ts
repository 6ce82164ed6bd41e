import { fail } from '../../shared/errors';
import { countOf } from '../../shared/text';
import { validateProfileName } from '../parse';
import { type CliIO, printJson, requireProfile, withCore, workspaceFor } from '../session';

/**
 * `tandem login --browser --profile NAME URL [--domain D]… [--browser-path P] [--json]`: opens a
 * real browser on the profile's own storage; the user logs in by hand and closes the window; the
 * cookies of the chosen domains go into the profile's jar. Exit 0 when the window was closed.
 */
export async function loginWithBrowser(
  io: CliIO,
  opts: {
    profile: string;
    browser?: boolean;
    browserPath?: string;
    domain?: string[];
    json?: boolean;
    dataDir?: string;
  },
  url: string | undefined,
): Promise<void> {
  if (!opts.browser)
    fail(
      'INVALID_ARGUMENT',
      'A URL is only taken with --browser (tandem login --browser --profile NAME URL)',
    );
  if (!url) fail('INVALID_ARGUMENT', 'Give the login page: tandem login --browser --profile NAME URL');
  const profile = validateProfileName(opts.profile);
  const result = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
    await requireProfile(core, profile);
    io.err(`Log in as ${profile} in the browser window, then close it.\n`);
    return core.call('browser.login', {
      profile,
      url,
      ...(opts.domain?.length ? { domains: opts.domain } : {}),
      ...(opts.browserPath ? { browserPath: opts.browserPath } : {}),
    });
  });
  if (opts.json) printJson(io, result);
  else {
    const names = result.imported.map((c) => c.name).join(', ');
    io.out(
      result.imported.length
        ? `Took ${countOf(result.imported.length, 'cookie')} from the browser into ${profile}: ${names}\n`
        : `No cookies for ${result.domains.join(', ')} in the browser; ${profile}'s jar is unchanged\n`,
    );
  }
}
