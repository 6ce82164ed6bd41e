import fs from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../../shared/errors';
import { type MatrixFile, matrixFileSchema, matrixName } from '../../shared/matrixFile';
import { issueLine } from '../../shared/text';
import { isNotFound, readJsonFile, writeJsonFile } from '../store/files';
import type { WriteQueue } from '../store/queue';

/** Saved matrices as readable files: `<dataDir>/matrices/<name>.json` (shared/matrixFile.ts). */
export class MatrixStore {
  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {}

  private dir(): string {
    return path.join(this.dataDir, 'matrices');
  }

  file(name: string): string {
    if (!matrixName.safeParse(name).success)
      fail('INVALID_ARGUMENT', `Invalid matrix name '${name}': use letters, digits, space _ . - (up to 64)`);
    return path.join(this.dir(), `${name}.json`);
  }

  async list(): Promise<MatrixFile[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir())).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const out: MatrixFile[] = [];
    for (const f of names.sort()) {
      const m = await this.read(f.slice(0, -5)).catch(() => undefined);
      if (m) out.push(m);
    }
    return out;
  }

  private async read(name: string): Promise<MatrixFile | undefined> {
    const m = await readJsonFile(
      this.dataDir,
      this.file(name),
      (raw) => matrixFileSchema.safeParse(raw).data ?? null,
      `matrix ${name}`,
    );
    return m ? { ...m, name } : undefined;
  }

  async get(name: string): Promise<MatrixFile> {
    const m = await this.read(name);
    if (!m) fail('NOT_FOUND', `No saved matrix named '${name}'`);
    return m;
  }

  async save(m: MatrixFile): Promise<MatrixFile> {
    const parsed = matrixFileSchema.safeParse(m);
    if (!parsed.success) fail('INVALID_ARGUMENT', issueLine(`Matrix '${m.name}' is not valid`, parsed.error));
    await this.queue.run(() => writeJsonFile(this.file(m.name), parsed.data));
    return parsed.data;
  }

  async delete(name: string): Promise<{ deleted: string }> {
    await this.get(name);
    await this.queue.run(() => fs.rm(this.file(name), { force: true }));
    return { deleted: name };
  }
}
