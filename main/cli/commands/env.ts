import type { Command } from 'commander';
import { type Environment, parseAssignment } from '../../shared/environments';
import { fail } from '../../shared/errors';
import { countOf } from '../../shared/text';
import { table } from '../format';
import { validateProfileName } from '../parse';
import type { CommonOptions as Common } from '../session';
import { type CliIO, type Core, printJson, withCore, workspaceFor } from '../session';

/**
 * `tandem env list|create|set|use|rename|delete|globals`: environments (named variable sets, one
 * active, orthogonal to profiles) and the global variables, as files in the workspace.
 */

function assignments(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list) {
    const kv = parseAssignment(a);
    if (!kv || !/^[A-Za-z0-9_.$-]+$/.test(kv.name))
      fail('INVALID_ARGUMENT', `'${a}' must look like NAME=VALUE (NAME: letters, digits, _ . $ -)`);
    out[kv.name] = kv.value;
  }
  return out;
}

async function find(core: Core, name: string): Promise<Environment> {
  const env = (await core.call('environments.list', {})).environments.find((e) => e.name === name);
  if (!env) fail('NOT_FOUND', `No environment named '${name}' (tandem env list)`);
  return env;
}

export function registerEnv(program: Command, io: CliIO): void {
  const env = program
    .command('env')
    .description('Environments (local, staging, production…): named variable sets beside the profiles');
  const ws = (o: Common) => workspaceFor(o.dataDir, io);

  env
    .command('list')
    .description('List environments; * marks the active one')
    .option('--json', 'print JSON instead of text')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common>();
      const view = await withCore(ws(o), (core) => core.call('environments.list', {}));
      if (o.json) return printJson(io, view);
      if (!view.environments.length) io.out('No environments (create one with: tandem env create NAME)\n');
      else
        io.out(
          `${table([
            ['', 'NAME', 'VARIABLES', 'PROFILE VALUES', ''],
            ...view.environments.map((e) => [
              e.name === view.active ? '*' : '',
              e.name,
              String(Object.keys(e.variables).length),
              Object.keys(e.profiles ?? {}).join(', ') || '-',
              e.production ? 'production' : '',
            ]),
          ])}\n`,
        );
      const globals = Object.keys(view.globals).length;
      if (globals) io.out(`${countOf(globals, 'global variable')}\n`);
    });

  env
    .command('create')
    .description('Create an environment, optionally with variables')
    .argument('<name>', 'environment name')
    .argument('[assignments...]', 'NAME=VALUE variables')
    .option('--production', 'flag it as production (shown in a warning colour)')
    .action(async (name: string, vars: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common & { production?: boolean }>();
      const variables = assignments(vars);
      await withCore(ws(o), (core) =>
        core.call('environments.save', {
          environment: { name, variables, ...(o.production ? { production: true } : {}) },
          create: true,
        }),
      );
      io.out(`Created environment '${name}'${o.production ? ' (production)' : ''}\n`);
    });

  env
    .command('set')
    .description("Set variables of an environment (with --profile: that profile's values there only)")
    .argument('<name>', 'environment name')
    .argument('[assignments...]', 'NAME=VALUE variables (an empty VALUE is kept as empty)')
    .option('--profile <profile>', 'values for this profile on this environment only')
    .option('--unset <var>', 'remove a variable (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--production', 'flag the environment as production')
    .option('--no-production', 'clear the production flag')
    .action(async (name: string, vars: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common & { profile?: string; unset?: string[]; production?: boolean }>();
      const variables = assignments(vars);
      if (o.profile) validateProfileName(o.profile);
      await withCore(ws(o), async (core) => {
        const current = await find(core, name);
        const next: Environment = structuredClone(current);
        let target = next.variables;
        if (o.profile) {
          next.profiles = next.profiles ?? {};
          next.profiles[o.profile] = next.profiles[o.profile] ?? {};
          target = next.profiles[o.profile];
        }
        Object.assign(target, variables);
        for (const u of o.unset ?? []) delete target[u];
        if (cmd.getOptionValueSource('production') === 'cli') next.production = o.production === true;
        if (next.production === false) delete next.production;
        await core.call('environments.save', { environment: next });
      });
      const n = Object.keys(variables).length;
      io.out(
        `Updated '${name}'${o.profile ? ` for ${o.profile}` : ''}: ${n} set${o.unset?.length ? `, ${o.unset.length} removed` : ''}\n`,
      );
    });

  env
    .command('use')
    .description('Make an environment the active one (--none: no environment)')
    .argument('[name]', 'environment name')
    .option('--none', 'no active environment')
    .action(async (name: string | undefined, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common & { none?: boolean }>();
      if (!name && !o.none) fail('INVALID_ARGUMENT', 'Name an environment to use, or give --none');
      const use = o.none ? null : (name as string);
      const env = await withCore(ws(o), async (core) => {
        await core.call('environments.use', { name: use });
        return use ? find(core, use) : null;
      });
      io.out(
        env
          ? `Active environment: ${env.name}${env.production ? ' (production: requests touch real data)' : ''}\n`
          : 'No active environment\n',
      );
    });

  env
    .command('rename')
    .description('Rename an environment (its variables stay; the active one stays active)')
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common>();
      const env = await withCore(ws(o), (core) => core.call('environments.rename', { from, to }));
      io.out(`Renamed environment '${from}' to '${env.name}'\n`);
    });

  env
    .command('delete')
    .description('Delete an environment (its file)')
    .argument('<name>', 'environment name')
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common>();
      await withCore(ws(o), (core) => core.call('environments.delete', { name }));
      io.out(`Deleted environment '${name}'\n`);
    });

  env
    .command('globals')
    .description('Show the global variables, or set some (NAME=VALUE…)')
    .argument('[assignments...]', 'NAME=VALUE variables')
    .option('--unset <var>', 'remove a variable (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .option('--json', 'print JSON instead of text')
    .action(async (vars: string[], _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<Common & { unset?: string[] }>();
      const variables = assignments(vars);
      const globals = await withCore(ws(o), async (core) => {
        const current = (await core.call('environments.list', {})).globals;
        if (!vars.length && !o.unset?.length) return current;
        const next = { ...current, ...variables };
        for (const u of o.unset ?? []) delete next[u];
        return (await core.call('environments.setGlobals', { variables: next })).globals;
      });
      if (o.json) return printJson(io, globals);
      const rows = Object.entries(globals);
      io.out(rows.length ? `${table([['NAME', 'VALUE'], ...rows])}\n` : 'No global variables\n');
    });
}

/**
 * `tandem import postman-env FILE` (and a Postman environment given to `tandem import postman`):
 * creates one environment from the core's preview (`--dry-run`: only prints it); prints what it
 * created and what it skipped. Never replaces one: a taken name is one line, exit 2.
 */
export async function importPostmanEnvironment(
  io: CliIO,
  text: string,
  opts: Common & { collection?: string; dryRun?: boolean },
): Promise<void> {
  const preview = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
    const p = await core.call('environments.previewPostman', {
      text,
      ...(opts.collection ? { name: opts.collection } : {}),
    });
    if (p.refusal) fail('INVALID_ARGUMENT', `${p.refusal} (use --collection NAME)`);
    if (!opts.dryRun)
      await core.call('environments.save', {
        environment: { name: p.name, variables: p.variables },
        create: true,
      });
    return p;
  });
  const environment = { name: preview.name, variables: preview.variables };
  if (opts.json)
    return printJson(io, {
      created: !opts.dryRun,
      environment,
      variables: preview.rows,
      skipped: preview.skipped,
      notes: preview.notes,
    });
  const n = Object.keys(environment.variables).length;
  const lines = [
    `${opts.dryRun ? 'Would create' : 'Created'} environment '${environment.name}': ${countOf(n, 'variable')}`,
  ];
  for (const r of preview.rows) if (r.imported) lines.push(`  + ${r.name}${r.note ? ` (${r.note})` : ''}`);
  const skipped = [
    ...preview.rows.filter((r) => !r.imported).map((r) => `${r.where} (${r.name}): ${r.note}`),
    ...preview.skipped.map((s) => `${s.where}: ${s.reason}`),
  ];
  if (skipped.length) {
    lines.push(`Skipped ${skipped.length}:`);
    for (const s of skipped) lines.push(`  - ${s}`);
  }
  for (const note of preview.notes) lines.push(`Note: ${note}`);
  io.out(`${lines.join('\n')}\n`);
}
