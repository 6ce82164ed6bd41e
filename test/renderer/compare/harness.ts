import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localBridge } from '../../../main/contract/local';
import { createTandem, type Tandem } from '../../../main/core/tandem';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import { setBridge } from '../../../renderer/src/api';
import { useCompareStore } from '../../../renderer/src/features/compare/store';
import { useMatrixStore } from '../../../renderer/src/features/matrix/store';

/** A real core seeded like the app (alice, bob, anonymous, "Demo API") against a real demo server. */
export async function startDemoCore(seed = true): Promise<{
  core: Tandem;
  demo: DemoServer;
  close(): Promise<void>;
}> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-ui-compare-'));
  const demo = await startDemoServer();
  const core = await createTandem({ dataDir, host: 'web', seedSample: seed, demoUrl: demo.url });
  setBridge(localBridge(core));
  return {
    core,
    demo,
    async close() {
      await core.close();
      await demo.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function resetCompareStores(): void {
  useCompareStore.setState({ open: false, selected: [], comparison: null, running: null, error: null });
  useMatrixStore.setState({
    collections: [],
    loaded: false,
    loadError: null,
    collectionId: '',
    folder: '',
    profiles: [],
    expect: {},
    runId: null,
    cells: {},
    cancelled: false,
    error: null,
    selected: null,
  });
}

export async function logIn(core: Tandem, baseUrl: string, user: string): Promise<void> {
  const r = await core['request.send']({
    profile: user,
    request: {
      method: 'POST',
      url: `${baseUrl}/login`,
      headers: [],
      body: {
        type: 'form',
        fields: [
          { name: 'username', value: user },
          { name: 'password', value: `${user}-pw` },
        ],
      },
    },
  });
  if (!r.ok) throw new Error(r.error.message);
}
