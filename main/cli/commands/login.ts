import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import { describeExtracted, type RecipeStep } from '../../shared/sessions';
import type { Collection } from '../../shared/types';
import { validateProfileName } from '../parse';
import { type CliIO, printJson, requireProfile, withCore, workspaceFor } from '../session';

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

interface LoginOptions {
  profile?: string;
  recipe?: string[];
  json?: boolean;
  dataDir?: string;
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
    .option('--json', 'print the result as JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<LoginOptions>();
      if (!opts.profile) fail('INVALID_ARGUMENT', 'Give --profile NAME: the profile to log in');
      const profile = validateProfileName(opts.profile);
      const result = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
        await requireProfile(core, profile);
        if (opts.recipe?.length) {
          const all = await core.call('collections.list', {});
          const steps = opts.recipe.map((ref) => findRecipeStep(all, ref));
          const current = (await core.call('profiles.list', {})).find((p) => p.name === profile);
          await core.call('profiles.update', {
            name: profile,
            patch: { login: { ...(current?.login ?? {}), steps } },
          });
        }
        return core.call('profiles.login', { profile });
      });
      if (opts.json) printJson(io, result);
      else {
        const extracted = result.extracted.map((e) => `, ${describeExtracted(e)}`).join('');
        io.out(
          `Logged in as ${result.profile}: ${result.steps} step${result.steps === 1 ? '' : 's'}, last answered ${result.status} ${result.statusText}${extracted}\n`,
        );
      }
    });
}
