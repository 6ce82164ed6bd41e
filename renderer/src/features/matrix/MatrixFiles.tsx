import { useCallback, useEffect, useId, useState } from 'react';
import { expectationsById, expectationsByName, type MatrixFile } from '../../../../main/shared/matrixFile';
import type { MatrixExpectations } from '../../../../main/shared/types';
import { api } from '../../api';
import { useSessionsStore } from '../sessions/store';
import { useMatrixStore } from './store';

/**
 * Saved matrices (`<dataDir>/matrices/<name>.json`, the files `tandem matrix run NAME` runs):
 * "Open" puts a file's collection, folder, profiles, jar mode and expectations into the grid;
 * "Save" writes the grid back. While a file is open, an expectation set in a cell is saved to it.
 */
export function MatrixFiles() {
  const id = useId();
  const [files, setFiles] = useState<MatrixFile[]>([]);
  const current = useMatrixStore((s) => s.file);
  const note = useMatrixStore((s) => s.fileNote);
  const setNote = (n: { text: string; error: boolean }) => useMatrixStore.setState({ fileNote: n });
  const [name, setName] = useState('');
  const running = useMatrixStore((s) => s.runId !== null);

  const refresh = useCallback(async () => {
    const res = await api['matrices.list']({});
    if (res.ok) setFiles(res.value);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const open = (fileName: string) => {
    const file = files.find((f) => f.name === fileName);
    if (!file) return;
    const st = useMatrixStore.getState();
    const collection = st.collections.find((c) => c.id === file.collection || c.name === file.collection);
    if (!collection)
      return setNote({ text: `No collection '${file.collection}' for ${file.name}`, error: true });
    let byId: MatrixExpectations;
    try {
      byId = expectationsById(file, collection);
    } catch (e) {
      return setNote({ text: (e as Error).message, error: true });
    }
    st.setCollection(collection.id);
    st.setFolder(file.folder ?? '');
    st.setProfiles(file.profiles);
    useMatrixStore.setState({ expect: byId, cells: {}, selected: null });
    useSessionsStore.getState().setJars('matrix', file.jars);
    st.setFile(file, { text: `Opened ${file.name}`, error: false });
    setName(file.name);
  };

  const save = async () => {
    const st = useMatrixStore.getState();
    const collection = st.collections.find((c) => c.id === st.collectionId);
    if (!collection || !name.trim()) return;
    const expect: MatrixExpectations = expectationsByName(st.expect, collection);
    const matrix: MatrixFile = {
      name: name.trim(),
      collection: collection.name,
      ...(st.folder ? { folder: st.folder } : {}),
      profiles: st.profiles,
      jars: useSessionsStore.getState().jars.matrix,
      expect,
    };
    const res = await api['matrices.save']({ matrix });
    if (!res.ok) return setNote({ text: res.error.message, error: true });
    useMatrixStore
      .getState()
      .setFile(res.value, { text: `Saved matrices/${res.value.name}.json`, error: false });
    await refresh();
  };

  return (
    <div className="matrix-files">
      <label className="matrix-field">
        <span>Saved matrix</span>
        <select
          className="ui-select"
          aria-label="Open a saved matrix"
          value={current?.name ?? ''}
          disabled={running}
          onChange={(e) => open(e.target.value)}
        >
          <option value="">{files.length ? 'Open…' : 'None saved'}</option>
          {files.map((f) => (
            <option key={f.name} value={f.name}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className="matrix-field" htmlFor={`${id}-name`}>
        <span>Save as</span>
        <input
          id={`${id}-name`}
          className="ui-input"
          aria-label="Matrix name"
          placeholder="access"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="button" className="ui-button" disabled={running || !name.trim()} onClick={save}>
        Save matrix
      </button>
      {note && (
        <span className={note.error ? 'ui-error-line' : 'ui-note'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </span>
      )}
    </div>
  );
}
