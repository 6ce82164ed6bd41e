import type { Tandem } from '../../../main/core/tandem';
import { sampleWorkspace } from '../../../main/demo/sample';
import { type DemoServer, startDemoServer } from '../../../main/demo/server';
import { useCompareStore } from '../../../renderer/src/features/compare/store';
import { useMatrixStore } from '../../../renderer/src/features/matrix/store';
import { startBridgedCore } from '../../support/core';

/** A real core seeded like the app (alice, bob, anonymous, "Demo API") against a real demo server. */
export async function startDemoCore(seed = true): Promise<{
  core: Tandem;
  demo: DemoServer;
  close(): Promise<void>;
}> {
  const demo = await startDemoServer();
  const bc = await startBridgedCore('tandem-ui-compare-', {
    seedSample: seed ? sampleWorkspace : undefined,
    demoUrl: demo.url,
  });
  return {
    core: bc.core,
    demo,
    async close() {
      await bc.close();
      await demo.close();
    },
  };
}

/** Puts the compare and matrix stores back to the state they were created with. */
export function resetCompareStores(): void {
  useCompareStore.setState(useCompareStore.getInitialState());
  useMatrixStore.setState(useMatrixStore.getInitialState());
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
