import fs from 'node:fs/promises';
import { fail } from '../../shared/errors';
import { type MatrixFile, matrixFileSchema, matrixName } from '../../shared/matrixFile';
import { issueLine } from '../../shared/text';
import { writeJsonFile } from '../store/files';
import { NamedJsonFiles } from '../store/named';
import type { WriteQueue } from '../store/queue';

/** Saved matrices as readable files: `<dataDir>/matrices/<name>.json` (shared/matrixFile.ts). */
export class MatrixStore {
  private readonly files: NamedJsonFiles<MatrixFile>;

  constructor(
    dataDir: string,
    private readonly queue: WriteQueue,
  ) {
    this.files = new NamedJsonFiles(dataDir, 'matrices', matrixFileSchema, 'matrix', (name) => {
      if (!matrixName.safeParse(name).success)
        fail(
          'INVALID_ARGUMENT',
          `Invalid matrix name '${name}': use letters, digits, space _ . - (up to 64)`,
        );
    });
  }

  file(name: string): string {
    return this.files.file(name);
  }

  list(): Promise<MatrixFile[]> {
    return this.files.list();
  }

  async get(name: string): Promise<MatrixFile> {
    const m = await this.files.read(name);
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
