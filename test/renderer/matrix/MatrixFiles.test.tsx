// @vitest-environment happy-dom
import fs from 'node:fs/promises';
import path from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMatrixStore } from '../../../renderer/src/features/matrix/store';
import { renderSavedSession, startMatrix } from './harness';

/** The matrix view saves its grid as `matrices/<name>.json` and opens saved ones (what `tandem matrix run NAME` runs). */

describe('saved matrices in the app', () => {
  it('Save matrix writes a readable file keyed by folder/name; opening a file restores folder, profiles and verdicts', async () => {
    const tc = await startMatrix();
    await renderSavedSession('session');
    const file = JSON.parse(
      await fs.readFile(path.join(tc.core.dataDir, 'matrices', 'session.json'), 'utf8'),
    );
    expect(file).toMatchObject({ name: 'session', collection: 'Demo API', folder: 'Session', jars: 'copy' });
    expect(file.expect['Session/Who am I']).toMatchObject({ anonymous: 'deny' });

    // A file written elsewhere (a status and a check stay in the file; the grid shows verdicts)
    await fs.writeFile(
      path.join(tc.core.dataDir, 'matrices', 'bob-only.json'),
      JSON.stringify({
        name: 'bob-only',
        collection: 'Demo API',
        folder: 'Access',
        profiles: ['bob'],
        jars: 'fresh',
        expect: { 'Access/Admin page': { bob: 'deny' }, 'Access/My notes': { bob: 200 } },
      }),
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Folder' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Matrix name' }), { target: { value: 'reload' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save matrix' }));
    await screen.findByText('Saved matrices/reload.json', {}, { timeout: 15000 });
    const open = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Open a saved matrix' });
    await waitFor(() => expect([...open.options].map((o) => o.value)).toContain('bob-only'), {
      timeout: 15000,
    });
    fireEvent.change(open, { target: { value: 'bob-only' } });
    await screen.findByText('Opened bob-only', {}, { timeout: 15000 });
    const st = useMatrixStore.getState();
    expect(st.folder).toBe('Access');
    expect(st.profiles).toEqual(['bob']);
    expect(screen.getByRole('button', { name: 'expect deny for Admin page as bob' })).toBeTruthy();
  });
});
