import { type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { firstRuleError, normalizeRules } from '../../../../main/shared/extractRules';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { useRequestStore } from '../request/store';
import { useCollectionsStore } from './store';
import { allFolders, suggestName } from './tree';
import './collections.css';
import { sayNotice } from '../../app/workbench';

export interface SaveRequestDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
}

const NEW = '__new__';

/** Saves the current draft into a collection (and folder) under a name; updates it in place when it came from there. */
export function SaveRequestDialog({ open, onOpenChange }: SaveRequestDialogProps) {
  const { byId, ids, status, load, create, saveRequest } = useCollectionsStore();
  const [name, setName] = useState('');
  const [collectionId, setCollectionId] = useState(NEW);
  const [newName, setNewName] = useState('My collection');
  const [folder, setFolder] = useState('');
  const [asNew, setAsNew] = useState(false);
  const [error, setError] = useState<{ field: 'name' | 'collection' | 'form'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    if (open && status === 'idle') void load();
  }, [open, status, load]);

  // Fill the form each time it opens, from where the draft came from.
  useEffect(() => {
    if (!open) return;
    const { draft, origin } = useRequestStore.getState();
    const { byId: cols, ids: order } = useCollectionsStore.getState();
    const fromCollection = origin ? cols[origin.collectionId] : undefined;
    const saved = fromCollection?.requests.find((r) => r.id === origin?.requestId);
    setName(origin?.name ?? suggestName(draft.method, draft.url));
    setCollectionId(fromCollection ? fromCollection.id : (order[0] ?? NEW));
    setFolder(saved?.folder ?? '');
    setAsNew(false);
    setError(null);
  }, [open]);

  // When collections arrive after opening, pick one.
  useEffect(() => {
    if (open && collectionId === NEW && ids.length && !useRequestStore.getState().origin)
      setCollectionId(ids[0]);
  }, [open, ids, collectionId]);

  const origin = useRequestStore((s) => s.origin);
  const chosen = collectionId === NEW ? undefined : byId[collectionId];
  const folders = useMemo(() => (chosen ? allFolders(chosen) : []), [chosen]);
  const updating = Boolean(origin && chosen && origin.collectionId === chosen.id && !asNew);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setError({ field: 'name', message: 'Give the request a name' });
    setBusy(true);
    let target = collectionId;
    if (collectionId === NEW) {
      const created = await create(newName.trim() || 'My collection');
      if (!created.ok) {
        setBusy(false);
        sayNotice('error', `Could not save “${n}”: ${created.error.message}`);
        return setError({ field: 'collection', message: created.error.message });
      }
      target = created.value.id;
    }
    const draft = useRequestStore.getState().draft;
    // Extraction rules typed before the first save go with it.
    const edited = useRequestStore.getState().tabs[useRequestStore.getState().activeId]?.extract;
    const res = await saveRequest(target, {
      ...(updating && origin ? { id: origin.requestId } : {}),
      name: n,
      folder: collectionId === NEW ? '' : folder,
      request: draft,
      ...(edited && !firstRuleError(edited.rules) ? { extract: normalizeRules(edited.rules) } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      // Also on the workbench notice, so it is still there if the dialog is closed.
      sayNotice('error', `Could not save “${n}”: ${res.error.message}`);
      return setError({ field: 'form', message: res.error.message });
    }
    useRequestStore
      .getState()
      .markSaved({ collectionId: target, requestId: res.value.id, name: res.value.name }, draft);
    onOpenChange(false);
  };

  const err = (field: 'name' | 'collection' | 'form') =>
    error?.field === field ? (
      <span id={`${id}-err`} className="ctl-error" role="alert">
        {error.message}
      </span>
    ) : null;
  const invalid = (field: 'name' | 'collection') =>
    error?.field === field ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {};

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={updating ? 'Save request' : 'Save request to a collection'}
      description={
        updating
          ? `Updates “${origin?.name}” in its collection.`
          : 'Saved requests can be sent again as any profile.'
      }
    >
      <form className="coll-save-form" onSubmit={submit} aria-label="Save request">
        <div className="ctl-field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className="ctl-input"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            {...invalid('name')}
          />
          {err('name')}
        </div>
        <div className="ctl-field">
          <label htmlFor={`${id}-collection`}>Collection</label>
          <select
            id={`${id}-collection`}
            className="ctl-select"
            value={collectionId}
            onChange={(e) => {
              setCollectionId(e.target.value);
              setFolder('');
            }}
          >
            {ids.map((cid) => (
              <option key={cid} value={cid}>
                {byId[cid]?.name}
              </option>
            ))}
            <option value={NEW}>New collection…</option>
          </select>
        </div>
        {collectionId === NEW ? (
          <div className="ctl-field">
            <label htmlFor={`${id}-newname`}>New collection name</label>
            <input
              id={`${id}-newname`}
              className="ctl-input"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
              {...invalid('collection')}
            />
            {err('collection')}
          </div>
        ) : (
          <div className="ctl-field">
            <label htmlFor={`${id}-folder`}>Folder</label>
            <select
              id={`${id}-folder`}
              className="ctl-select"
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
            >
              <option value="">(top level)</option>
              {folders.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </div>
        )}
        {origin && chosen && origin.collectionId === chosen.id ? (
          <label className="ctl-check coll-save-new">
            <input type="checkbox" checked={asNew} onChange={(e) => setAsNew(e.target.checked)} />
            Save as a new request (keep “{origin.name}” as it is)
          </label>
        ) : null}
        {err('form')}
        <div className="coll-form-footer">
          <button type="button" className="ui-button" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" className="ui-button ui-button-primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
