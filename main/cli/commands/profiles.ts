import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import { formatProfileTable, type ProfileRow } from '../format';
import { validateProfileName } from '../parse';
import type { CommonOptions as Common } from '../session';
import { type CliIO, type Core, printJson, withCore, workspaceFor } from '../session';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

function withJson(cmd: Command): Command {
  return cmd.option('--json', 'print JSON instead of text');
}

async function open<T>(io: CliIO, opts: Common, fn: (core: Core) => Promise<T>): Promise<T> {
  return withCore(workspaceFor(opts.dataDir, io), fn);
}

export function registerProfiles(program: Command, io: CliIO): void {
  const profiles = program
    .command('profiles')
    .description('Manage profiles: each has its own cookie jar, variables and headers');

  withJson(
    profiles.command('list').description('List profiles with their colour, cookie count and cookie store'),
  ).action(async (_o: unknown, cmd: Command) => {
    const opts = cmd.optsWithGlobals<Common>();
    const rows: ProfileRow[] = await open(io, opts, async (core) => {
      const list = await core.call('profiles.list', {});
      return Promise.all(
        list.map(async (profile) => ({
          profile,
          cookies: (await core.call('cookies.list', { profile: profile.name })).length,
        })),
      );
    });
    if (opts.json)
      printJson(
        io,
        rows.map((r) => ({ ...r.profile, cookies: r.cookies })),
      );
    else io.out(formatProfileTable(rows));
  });

  withJson(profiles.command('create').description('Create a profile'))
    .argument('<name>', 'profile name')
    .option('--color <hex>', 'colour, e.g. #7c5cff (picked for you when left out)')
    .option('--if-missing', 'leave an existing profile as it is and exit 0 (scripts that run twice)')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { color?: string; ifMissing?: boolean }>();
      validateProfileName(name);
      if (opts.color !== undefined && !HEX.test(opts.color))
        fail('INVALID_ARGUMENT', `Invalid colour '${opts.color}': use a hex colour like #7c5cff`);
      const { profile, existed } = await open(io, opts, async (core) => {
        const found = opts.ifMissing
          ? (await core.call('profiles.list', {})).find((p) => p.name === name)
          : undefined;
        if (found) return { profile: found, existed: true };
        const made = await core.call('profiles.create', opts.color ? { name, color: opts.color } : { name });
        return { profile: made, existed: false };
      });
      if (opts.json) printJson(io, profile);
      else if (existed) io.out(`Profile '${profile.name}' already exists; left as it is\n`);
      else io.out(`Created profile '${profile.name}' (${profile.color})\n`);
    });

  withJson(
    profiles
      .command('rename')
      .description(
        'Rename a profile (its jar, history, values on environments, matrix columns and tabs follow)',
      ),
  )
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      validateProfileName(from);
      validateProfileName(to);
      const profile = await open(io, opts, (core) => core.call('profiles.rename', { from, to }));
      if (opts.json) printJson(io, profile);
      else io.out(`Renamed profile '${from}' to '${profile.name}'\n`);
    });

  withJson(profiles.command('duplicate').description('Copy a profile: jar, variables and headers'))
    .argument('<from>', 'profile to copy')
    .argument('<to>', 'name of the copy')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      validateProfileName(from);
      validateProfileName(to);
      const profile = await open(io, opts, (core) => core.call('profiles.duplicate', { from, to }));
      if (opts.json) printJson(io, profile);
      else io.out(`Duplicated profile '${from}' as '${profile.name}'\n`);
    });

  withJson(profiles.command('delete').description('Delete a profile with its jar and history'))
    .argument('<name>', 'profile name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      validateProfileName(name);
      const { deleted } = await open(io, opts, (core) => core.call('profiles.delete', { name }));
      if (opts.json) printJson(io, { deleted });
      else io.out(`Deleted profile '${deleted}'\n`);
    });
}
