// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMatrixStore } from '../../../renderer/src/features/matrix/store';
import { useProfilesStore } from '../../../renderer/src/features/profiles/store';
import { renderSavedSession, startMatrix } from './harness';

/**
 * A saved matrix open in the grid, then alice is renamed alice2: the grid's column, its
 * expectations and the open file follow, so an expectation set afterwards saves alice2's column
 * and never writes alice back into the file the core carried.
 */

describe('the matrix grid follows a renamed profile', () => {
  it("alice's column is alice2's; the next expectation saved keeps it so in matrices/session.json", async () => {
    const tc = await startMatrix();
    await renderSavedSession('session');
    const file = path.join(tc.core.dataDir, 'matrices', 'session.json');
    const before = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(before.profiles).toContain('alice');

    const renamed = await useProfilesStore.getState().rename('alice', 'alice2');
    expect(renamed.ok).toBe(true);
    await waitFor(() => expect(useMatrixStore.getState().profiles).toContain('alice2'), { timeout: 15000 });
    expect(useMatrixStore.getState().profiles).not.toContain('alice');
    const m = useMatrixStore.getState();
    const collection = m.collections.find((c) => c.id === m.collectionId);
    const whoAmI = collection?.requests.find((r) => r.name === 'Who am I');
    expect(m.expect[whoAmI?.id ?? '']).toHaveProperty('alice2');

    expect(await useMatrixStore.getState().setExpect(whoAmI?.id ?? '', 'bob', 'deny')).toBeNull();
    const after = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(after.profiles).toEqual(before.profiles.map((p: string) => (p === 'alice' ? 'alice2' : p)));
    expect(after.expect['Session/Who am I']).toEqual({
      ...Object.fromEntries(
        Object.entries(before.expect['Session/Who am I']).map(([p, e]) => [p === 'alice' ? 'alice2' : p, e]),
      ),
      bob: 'deny',
    });
    expect(JSON.stringify(after)).not.toContain('"alice"');
  });
});
