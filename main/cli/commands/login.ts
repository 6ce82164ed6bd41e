import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import { describeExtracted, type ExpiryRules, type RecipeStep } from '../../shared/sessions';
import { countOf } from '../../shared/text';
import type { Collection } from '../../shared/types';
import { validateProfileName } from '../parse';
import { type CliIO, printJson, requireProfile, withCore, workspaceFor } from '../session';
import { loginWithBrowser } from './browserLogin';

/**
 * `tandem login --profile NAME [--recipe "Collection/Folder/Request"]… [--json]`: runs the
 * profile's login recipe against its own jar (setting the recipe first when --recipe is given).
 * Exit 0 when the recipe's last step was answered below 400, 1 when it was not or failed.
 */

/** `Demo API/Session/Log in`, `Demo API/Log in` or a saved request's id. */
export function findRecipeStep(all: Collection[], ref: string): RecipeStep {
  for (const c of all)
    for (const r of c.requests) {
      const names = [r.id, `${c.name}/${r.name}`, `${c.name}/${r.folder ? `${r.folder}/` : ''}${r.name}`];
      if (names.includes(ref)) return { collectionId: c.id, requestId: r.id };
    }
  fail('NOT_FOUND', `No saved request '${ref}' (use "Collection/Folder/Request" or its id)`);
}

function onOff(v: string, flag: string): boolean {
  if (v === 'on') return true;
  if (v === 'off') return false;
  fail('INVALID_ARGUMENT', `${flag} takes on or off (got '${v}')`);
}

/** The expiry rules the user changed, checked before anything is opened. */
function expiryOptions(opts: LoginOptions): ExpiryRules {
  const out: ExpiryRules = {};
  if (opts.expiryStatus !== undefined) {
    const raw = opts.expiryStatus.trim();
    const codes = raw === 'none' || raw === '' ? [] : raw.split(',').map((c) => Number(c.trim()));
    if (codes.some((c) => !Number.isInteger(c) || c < 100 || c > 599))
      fail(
        'INVALID_ARGUMENT',
        `--expiry-status takes statuses like 401,419 or none (got '${opts.expiryStatus}')`,
      );
    out.statuses = codes;
  }
  if (opts.expiryCookie !== undefined) out.cookie = opts.expiryCookie || undefined;
  if (opts.loginRedirect !== undefined) out.loginRedirect = onOff(opts.loginRedirect, '--login-redirect');
  return out;
}

interface LoginOptions {
  profile?: string;
  recipe?: string[];
  expiryStatus?: string;
  expiryCookie?: string;
  loginRedirect?: string;
  relogin?: string;
  json?: boolean;
  dataDir?: string;
  browser?: boolean;
  browserPath?: string;
  domain?: string[];
}

export function registerLogin(program: Command, io: CliIO): void {
  program
    .command('login')
    .description("Run a profile's login recipe (saved requests, in order) against its own jar")
    .option('--profile <name>', 'the profile to log in')
    .option(
      '--recipe <request>',
      'set the recipe first: a saved request as "Collection/Folder/Request" (repeat for a sequence)',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--expiry-status <codes>', 'statuses that mean the session expired: 401,419 (default), or none')
    .option(
      '--expiry-cookie <name>',
      "a cookie that must be in the jar, else the session expired ('' for none)",
    )
    .option('--login-redirect <on|off>', "a redirect to the recipe's login URL means expired (default on)")
    .option('--relogin <on|off>', 're-login and retry once when a send meets an expired session (default on)')
    .option('--json', 'print the result as JSON')
    .argument('[url]', 'with --browser: the login page to open')
    .option('--browser', 'log in by hand in a real browser (Chrome, Chromium or Edge) opened on URL')
    .option(
      '--browser-path <path>',
      'with --browser: the browser to start (default: the one in Settings, else TANDEM_BROWSER, else the first found)',
    )
    .option(
      '--domain <domain>',
      "with --browser: take this domain's cookies (repeat; default the URL's host)",
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .action(async (url: string | undefined, _opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<LoginOptions>();
      if (!opts.profile) fail('INVALID_ARGUMENT', 'Give --profile NAME: the profile to log in');
      if (opts.browser || url !== undefined)
        return loginWithBrowser(io, { ...opts, profile: opts.profile }, url);
      const profile = validateProfileName(opts.profile);
      const expiry = expiryOptions(opts);
      const relogin = opts.relogin === undefined ? undefined : onOff(opts.relogin, '--relogin');
      const result = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
        await requireProfile(core, profile);
        const current = (await core.call('profiles.list', {})).find((p) => p.name === profile)?.login;
        const all = opts.recipe?.length ? await core.call('collections.list', {}) : [];
        const recipeSteps = opts.recipe?.length
          ? opts.recipe.map((ref) => findRecipeStep(all, ref))
          : current?.steps;
        if (opts.recipe?.length || Object.keys(expiry).length > 0 || relogin !== undefined) {
          if (!recipeSteps)
            fail('INVALID_ARGUMENT', `Profile '${profile}' has no login recipe: give --recipe first`);
          await core.call('profiles.update', {
            name: profile,
            patch: {
              login: {
                ...current,
                steps: recipeSteps,
                ...(Object.keys(expiry).length > 0 ? { expiry: { ...current?.expiry, ...expiry } } : {}),
                ...(relogin === undefined ? {} : { relogin }),
              },
            },
          });
        }
        return core.call('profiles.login', { profile });
      });
      if (opts.json) printJson(io, result);
      else {
        const extracted = result.extracted.map((e) => `, ${describeExtracted(e)}`).join('');
        io.out(
          `Logged in as ${result.profile}: ${countOf(result.steps, 'step')}, last answered ${result.status} ${result.statusText}${extracted}\n`,
        );
      }
    });
}
