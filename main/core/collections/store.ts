import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { z } from 'zod';
import { fail } from '../../shared/errors';
import { keyValue, requestSpecSchema } from '../../shared/schemas';
import type { Collection, KeyValue, RequestSpec, SavedRequest } from '../../shared/types';
import { isNotFound, readJsonFile, writeJsonFile } from '../store/files';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import type { CollectionMoveArgs as MoveArgs } from '../../shared/workbench';
import { moveInCollection } from './move';
import * as ops from './ops';

/** Collections on disk: `collections/<id>.json`, one file each. Edits are read-modify-write in the queue. */

const collectionFile = z.object({
  id: z.string(),
  name: z.string(),
  folders: z.array(z.string()),
  requests: z.array(
    z.object({ id: z.string(), name: z.string(), folder: z.string(), request: requestSpecSchema }),
  ),
  /** Collection variables (e.g. from a Postman import); `{{name}}` in the requests refers to them. */
  variables: z.array(keyValue).optional(),
});

const ID = /^[A-Za-z0-9_-]{1,100}$/;

export const newId = (): string => randomUUID().slice(0, 8);

export class CollectionStore {
  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {}

  private async read(id: string): Promise<Collection> {
    const found = ID.test(id)
      ? await readJsonFile(
          this.dataDir,
          layout.collection(this.dataDir, id),
          (raw) => (collectionFile.safeParse(raw).data as Collection | undefined) ?? null,
          'collection',
        )
      : undefined;
    if (!found) fail('NOT_FOUND', `Unknown collection '${id}'`);
    return { ...found, id };
  }

  private write(c: Collection): Promise<void> {
    return writeJsonFile(layout.collection(this.dataDir, c.id), c);
  }

  async list(): Promise<Collection[]> {
    let files: string[];
    try {
      files = await fs.readdir(layout.collectionsDir(this.dataDir));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const ids = files.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
    const all = await Promise.all(ids.filter((id) => ID.test(id)).map((id) => this.read(id)));
    return all.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  get(id: string): Promise<Collection> {
    return this.read(id);
  }

  async create(
    name: string,
    content?: { folders: string[]; requests: ops.SavedRequestInput[]; variables?: KeyValue[] },
  ): Promise<Collection> {
    const trimmed = name.trim();
    if (!trimmed) fail('INVALID_ARGUMENT', 'A collection needs a name');
    const c: Collection = { id: newId(), name: trimmed, folders: [], requests: [] };
    if (content?.variables?.length) c.variables = content.variables;
    let filled = c;
    for (const f of content?.folders ?? []) filled = ops.addFolder(filled, f);
    for (const r of content?.requests ?? []) filled = ops.saveRequest(filled, r, newId).collection;
    await this.queue.run(() => this.write(filled));
    return filled;
  }

  /** Reads, edits with a pure op, writes; all inside the queue so edits never interleave. */
  private edit<T>(id: string, change: (c: Collection) => { collection: Collection; result: T }): Promise<T> {
    return this.queue.run(async () => {
      const { collection, result } = change(await this.read(id));
      await this.write(collection);
      return result;
    });
  }

  rename(id: string, name: string): Promise<Collection> {
    return this.edit(id, (c) => {
      const trimmed = name.trim();
      if (!trimmed) fail('INVALID_ARGUMENT', 'A collection needs a name');
      const collection = { ...c, name: trimmed };
      return { collection, result: collection };
    });
  }

  delete(id: string): Promise<{ deleted: string }> {
    return this.queue.run(async () => {
      await this.read(id);
      await fs.rm(layout.collection(this.dataDir, id), { force: true });
      return { deleted: id };
    });
  }

  saveRequest(
    id: string,
    input: { id?: string; name: string; folder: string; request: RequestSpec },
  ): Promise<SavedRequest> {
    return this.edit(id, (c) => {
      const { collection, saved } = ops.saveRequest(c, input, newId);
      return { collection, result: saved };
    });
  }

  deleteRequest(id: string, requestId: string): Promise<{ deleted: string }> {
    return this.edit(id, (c) => ({
      collection: ops.deleteRequest(c, requestId),
      result: { deleted: requestId },
    }));
  }

  duplicateRequest(id: string, requestId: string): Promise<SavedRequest> {
    return this.edit(id, (c) => {
      const { collection, saved } = ops.duplicateRequest(c, requestId, newId);
      return { collection, result: saved };
    });
  }

  private editFolders(id: string, op: (c: Collection) => Collection): Promise<Collection> {
    return this.edit(id, (c) => {
      const collection = op(c);
      return { collection, result: collection };
    });
  }

  addFolder(id: string, folder: string): Promise<Collection> {
    return this.editFolders(id, (c) => ops.addFolder(c, folder));
  }

  renameFolder(id: string, from: string, to: string): Promise<Collection> {
    return this.editFolders(id, (c) => ops.renameFolder(c, from, to));
  }

  deleteFolder(id: string, folder: string): Promise<Collection> {
    return this.editFolders(id, (c) => ops.deleteFolder(c, folder));
  }

  /** Drag and drop: moves a request or a folder, keeping the file's order as the order shown. */
  move(id: string, item: MoveArgs['item'], to: MoveArgs['to']): Promise<Collection> {
    return this.editFolders(id, (c) => moveInCollection(c, item, to));
  }
}
