import { cleanup, fireEvent, type RenderResult, render, screen } from '@testing-library/react';
import { onTestFinished } from 'vitest';
import { MatrixView } from '../../../renderer/src/features/matrix/MatrixView';
import { startMatrixSync } from '../../../renderer/src/features/matrix/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { resetStores } from '../app/harness';
import { resetCompareStores, startDemoCore } from '../compare/harness';

/**
 * For a matrix test: fresh stores (alice active), a demo core (seeded like the app unless `seed`
 * is false) with the matrix following its files, and the profiles loaded. When the test finishes
 * the DOM is cleaned up, the sync stopped and the core closed.
 */
export async function startMatrix(seed = true): Promise<Awaited<ReturnType<typeof startDemoCore>>> {
  resetStores('alice');
  resetCompareStores();
  const tc = await startDemoCore(seed);
  const stop = startMatrixSync();
  onTestFinished(async () => {
    cleanup();
    stop();
    await tc.close();
  });
  await useProfilesStore.getState().load();
  return tc;
}

/** Renders the grid, picks the Session folder and saves it as `name`; resolves once it says so. */
export async function renderSavedSession(name: string): Promise<RenderResult> {
  const view = render(<MatrixView />);
  fireEvent.change(await screen.findByRole('combobox', { name: 'Folder' }, { timeout: 15000 }), {
    target: { value: 'Session' },
  });
  fireEvent.change(screen.getByRole('textbox', { name: 'Matrix name' }), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Save matrix' }));
  await screen.findByText(`Saved matrices/${name}.json`, {}, { timeout: 15000 });
  return view;
}
