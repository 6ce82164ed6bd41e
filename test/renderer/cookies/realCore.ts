import { cleanup } from '@testing-library/react';
import type { Tandem } from '../../../main/core/tandem';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { startBridgedCore } from '../../support/core';
import { unwrap } from '../../support/result';

export { unwrap };

/** A real core on a temp dir, wired to the renderer's api through the in-process bridge. */
export interface RealCore {
  core: Tandem;
  dir: string;
  close(): Promise<void>;
}

export async function startCore(): Promise<RealCore> {
  const bc = await startBridgedCore('tandem-renderer-');
  return {
    core: bc.core,
    dir: bc.dataDir,
    async close() {
      cleanup();
      await bc.close();
    },
  };
}

/** Creates the profiles in the core, loads them into the renderer's store and makes the first active. */
export async function withProfiles(core: Tandem, names: string[]): Promise<void> {
  const existing = unwrap(await core['profiles.list']({})).map((p) => p.name);
  for (const name of names) if (!existing.includes(name)) unwrap(await core['profiles.create']({ name }));
  await useProfilesStore.getState().load();
  useProfilesStore.getState().setActive(names[0]);
}

/** A loopback HTTP server for the story; closed by the returned function. */
export { startLoopbackServer as startServer } from '../../support/loopback';
