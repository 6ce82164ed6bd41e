import type { Command } from 'commander';
import { fail } from '../../shared/errors';
import type { Collection } from '../../shared/types';
import { findCollection } from '../collection-run';
import { table } from '../format';
import type { CommonOptions as Common } from '../session';
import { type CliIO, type Core, printJson, withCore, workspaceFor } from '../session';

async function pick(core: Core, ref: string): Promise<Collection> {
  const found = findCollection(await core.call('collections.list', {}), ref);
  if (!found) fail('NOT_FOUND', `No collection named or with id '${ref}'`);
  return found;
}

/** `tandem collections list|duplicate`: the saved collections, and copies made in the core (one write each). */
export function registerCollections(program: Command, io: CliIO): void {
  const collections = program.command('collections').description('List and copy saved collections');

  collections
    .command('list')
    .description('List collections: id, name, folders and requests')
    .option('--json', 'print JSON instead of text')
    .action(async (_o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common>();
      const list = await withCore(workspaceFor(opts.dataDir, io), (core) =>
        core.call('collections.list', {}),
      );
      if (opts.json) printJson(io, list);
      else if (!list.length) io.out('No collections\n');
      else
        io.out(
          `${table([
            ['ID', 'NAME', 'FOLDERS', 'REQUESTS'],
            ...list.map((c) => [c.id, c.name, String(c.folders.length), String(c.requests.length)]),
          ])}\n`,
        );
    });

  collections
    .command('duplicate')
    .description('Copy a collection as "<name> copy", or with --folder one folder beside itself')
    .argument('<collection>', 'collection name or id')
    .option(
      '--folder <path>',
      'copy only this folder (with its subfolders and requests) inside the collection',
    )
    .option('--json', 'print the resulting collection as JSON')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<Common & { folder?: string }>();
      const { before, after } = await withCore(workspaceFor(opts.dataDir, io), async (core) => {
        const source = await pick(core, ref);
        const result = opts.folder
          ? await core.call('collections.duplicateFolder', { collectionId: source.id, folder: opts.folder })
          : await core.call('collections.duplicate', { id: source.id });
        return { before: source, after: result };
      });
      if (opts.json) printJson(io, after);
      else if (opts.folder) {
        const added = after.folders.find((f) => !before.folders.includes(f)) ?? '';
        io.out(
          `Copied folder '${opts.folder}' of '${before.name}' to '${added}' (${after.requests.length - before.requests.length} requests)\n`,
        );
      } else
        io.out(
          `Copied '${before.name}' to '${after.name}' (${after.id}, ${after.requests.length} requests)\n`,
        );
    });
}
