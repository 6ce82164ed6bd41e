import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { isNotFound, readJsonFile } from './files';

/**
 * A folder of readable named JSON files, `<dataDir>/<folder>/<name>.json`, each checked by `schema`
 * and named by its file name. Missing folders list as empty; an unreadable file is left out of the list.
 */
export class NamedJsonFiles<T extends { name: string }> {
  constructor(
    private readonly dataDir: string,
    private readonly folder: string,
    private readonly schema: z.ZodType<T>,
    /** What one file is, for messages: `environment` → "is not a valid environment dev". */
    private readonly what: string,
    /** Throws on a name that cannot be a file name (called by `file`). */
    private readonly checkName: (name: string) => void = () => undefined,
  ) {}

  dir(): string {
    return path.join(this.dataDir, this.folder);
  }

  file(name: string): string {
    this.checkName(name);
    return path.join(this.dir(), `${name}.json`);
  }

  async list(): Promise<T[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.dir())).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
    } catch (e) {
      if (isNotFound(e)) return [];
      throw e;
    }
    const out: T[] = [];
    for (const f of names.sort()) {
      const item = await this.read(f.slice(0, -5)).catch(() => undefined);
      if (item) out.push(item);
    }
    return out;
  }

  /** The file named `name`, or undefined when there is none (an invalid one is quarantined). */
  async read(name: string): Promise<T | undefined> {
    const item = await readJsonFile(
      this.dataDir,
      this.file(name),
      (raw) => this.schema.safeParse(raw).data ?? null,
      `${this.what} ${name}`,
    );
    return item ? { ...item, name } : undefined;
  }
}
