import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localBridge } from '../../main/contract/local';
import { createTandem, type Tandem, type TandemOptions } from '../../main/core/tandem';
import { setBridge } from '../../renderer/src/api';

/** A real core on its own temp workspace, installed as the renderer's bridge. */
export interface BridgedCore {
  core: Tandem;
  dataDir: string;
  /** Closes the core and removes the workspace. */
  close(): Promise<void>;
}

export async function startBridgedCore(
  prefix: string,
  options: Omit<TandemOptions, 'dataDir' | 'host'> = {},
): Promise<BridgedCore> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  const core = await createTandem({ dataDir, host: 'web', ...options });
  setBridge(localBridge(core));
  return {
    core,
    dataDir,
    async close() {
      await core.close();
      await fs.rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
