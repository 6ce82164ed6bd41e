import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import type { Check } from '../../shared/checks';
import { collectionSchema } from '../../shared/collection';
import { fail, TandemFailure } from '../../shared/errors';
import { uniqueName } from '../../shared/text';
import type { Collection, KeyValue, RequestSpec, SavedRequest } from '../../shared/types';
import type { CollectionMoveArgs as MoveArgs } from '../../shared/workbench';
import { isNotFound, readJsonFile, writeJsonFile } from '../store/files';
import type { Notices } from '../store/notices';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import { openAuth, Sealer, sealAuth } from '../store/secrets';
import { moveInCollection } from './move';
import * as ops from './ops';

/** Collections on disk: `collections/<id>.json`, one file each. Edits are read-modify-write in the queue. */

/** A collection file is read with the one collection schema (`Collection` is inferred from it). */
const collectionFile = collectionSchema;

const ID = /^[A-Za-z0-9_-]{1,100}$/;

export const newId = (): string => randomUUID().slice(0, 8);

export class CollectionStore {
  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
    /** Seals saved basic-auth passwords and bearer tokens at rest (store/secrets.ts). */
    sealer?: Sealer,
    /** Where a collection that cannot be read, or a secret that cannot be opened, is reported. */
    private readonly notices?: Notices,
  ) {
    this.sealer = sealer ?? new Sealer(dataDir);
  }

  private readonly sealer: Sealer;

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
    const report = (m: string) => this.notices?.add(m);
    const requests = found.requests.map((r) => ({
      ...r,
      request: openAuth(
        r.request,
        this.sealer,
        `The saved credential of '${r.name}' in '${found.name}'`,
        report,
      ),
    }));
    return { ...found, requests, id };
  }

  private write(c: Collection): Promise<void> {
    const requests = c.requests.map((r) => ({ ...r, request: sealAuth(r.request, this.sealer) }));
    return writeJsonFile(layout.collection(this.dataDir, c.id), { ...c, requests });
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
    // A collection that cannot be read is moved aside and reported; the others are listed.
    const read = await Promise.all(
      ids
        .filter((id) => ID.test(id))
        .map((id) =>
          this.read(id).catch((e) => {
            if (!(e instanceof TandemFailure) || e.code !== 'STORE_CORRUPT') throw e;
            this.notices?.add(e.message);
            return null;
          }),
        ),
    );
    const all = read.filter((c): c is Collection => c !== null);
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

  /** Saves the access-matrix expectations of a collection (requestId → profile → verdict or status). */
  setExpectations(id: string, expect: Collection['expect']): Promise<Collection> {
    return this.edit(id, (c) => {
      const next: Collection = { ...c, expect: expect ?? {} };
      return { collection: next, result: next };
    });
  }

  /** Replaces the checks of one saved request (none: an empty list). */
  setChecks(id: string, requestId: string, checks: Check[]): Promise<SavedRequest> {
    return this.edit(id, (c) => {
      const at = c.requests.findIndex((r) => r.id === requestId);
      if (at < 0) fail('NOT_FOUND', `No saved request '${requestId}' in '${c.name}'`);
      const { checks: _old, ...rest } = c.requests[at];
      const saved: SavedRequest = checks.length ? { ...rest, checks } : rest;
      const requests = [...c.requests];
      requests[at] = saved;
      return { collection: { ...c, requests }, result: saved };
    });
  }

  /** Reads, edits with a pure op, writes; all inside the queue so edits never interleave. */
  private edit<T>(id: string, change: (c: Collection) => { collection: Collection; result: T }): Promise<T> {
    return this.queue.run(async () => {
      const { collection, result } = change(await this.read(id));
      await this.write(collection);
      return result;
    });
  }

  /**
   * Copies a whole collection as "<name> copy" (then "copy 2"…): folders, requests (new ids) and
   * variables, written as one new file.
   */
  duplicate(id: string): Promise<Collection> {
    return this.queue.run(async () => {
      const source = await this.read(id);
      const names = (await this.list()).map((c) => c.name);
      const copy: Collection = {
        ...structuredClone(source),
        id: newId(),
        name: uniqueName(`${source.name} copy`, names),
        requests: source.requests.map((r) => ({ ...structuredClone(r), id: newId() })),
      };
      await this.write(copy);
      return copy;
    });
  }

  /** Copies a folder (subfolders and requests included) beside itself, in one write. */
  duplicateFolder(id: string, folder: string): Promise<Collection> {
    return this.editFolders(id, (c) => ops.duplicateFolder(c, folder, newId).collection);
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
