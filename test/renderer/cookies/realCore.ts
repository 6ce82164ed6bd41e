import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cleanup } from '@testing-library/react';
import { localBridge } from '../../../main/contract/local';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import type { Result } from '../../../main/core/types';
import { setBridge } from '../../../renderer/src/api';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';

/** A real core on a temp dir, wired to the renderer's api through the in-process bridge. */
export interface RealCore {
  core: Tandem;
  dir: string;
  close(): Promise<void>;
}

export async function startCore(): Promise<RealCore> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-renderer-'));
  const core = await createTandem({ dataDir: dir, host: 'web' });
  setBridge(localBridge(core));
  return {
    core,
    dir,
    async close() {
      cleanup();
      await core.close();
      await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Creates the profiles in the core, loads them into the renderer's store and makes the first active. */
export async function withProfiles(core: Tandem, names: string[]): Promise<void> {
  const existing = unwrap(await core['profiles.list']({})).map((p) => p.name);
  for (const name of names) if (!existing.includes(name)) unwrap(await core['profiles.create']({ name }));
  await useProfilesStore.getState().load();
  useProfilesStore.getState().setActive(names[0]);
}

/** A loopback HTTP server for the story; closed by the returned function. */
export async function startServer(
  handler: http.RequestListener,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
