import { useEffect, useState } from 'react';
import type { Environment, PostmanEnvironmentPreview } from '../../../../main/shared/environments';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import '../interop/interop.css';
import { countOf } from '../../../../main/shared/text';
import {
  FileField,
  ImportFooter,
  type PickedFile,
  SkippedList,
  useFilePreview,
} from '../interop/importParts';
import { useEnvironmentsStore } from './store';

/**
 * "Import Postman environment…": pick a Postman environment export, see what it will create (the
 * name, every variable, which are secret-typed and how they are stored, which are disabled and left
 * out), choose the name, then Import. Nothing is written before Import; a taken name is refused in
 * one line, never overwritten (the core previews and refuses; `environments.save` with `create`).
 */
export function ImportPostmanEnvironment({
  open,
  onOpenChange,
  onImported,
}: {
  open: boolean;
  onOpenChange(open: boolean): void;
  onImported(env: Environment, fileName: string): void;
}) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [name, setName] = useState('');
  /** The environments as they are now: a name taken meanwhile (here or by the CLI) previews again. */
  const taken = useEnvironmentsStore((s) => s.order);
  // Every change of file, name or environments previews again.
  const { preview, setPreview, error, setError, busy, setBusy } = useFilePreview(
    file,
    (text) => api['environments.previewPostman']({ text, ...(name.trim() ? { name } : {}) }),
    [name, taken],
  );

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setName('');
    setPreview(null);
    setError(null);
  }, [open, setPreview, setError]);

  const runImport = async () => {
    if (!file || !preview || preview.refusal) return;
    setBusy(true);
    const r = await api['environments.save']({
      environment: { name: preview.name, variables: preview.variables },
      create: true,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    onImported(r.value, file.name);
  };

  const count = preview ? Object.keys(preview.variables).length : 0;
  const problem = error ?? preview?.refusal ?? null;
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Import Postman environment"
      description="One new environment from a Postman environment export (.postman_environment.json). Preview first; nothing is written until you import."
      size="lg"
      footer={
        <ImportFooter
          onCancel={() => onOpenChange(false)}
          label={preview ? `Import ${countOf(count, 'variable')}` : 'Import'}
          disabled={busy || !preview || preview.refusal !== null}
          onImport={() => void runImport()}
        />
      }
    >
      <div className="interop-form">
        <div className="interop-row">
          <FileField label="Postman environment file" accept=".json,application/json" onPick={setFile} />
          <label className="ctl-field interop-grow">
            <span className="ctl-label">Environment name</span>
            <input
              className="ctl-input"
              aria-label="Environment name"
              placeholder={preview?.name || 'From the file'}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
        </div>
        {problem ? (
          <p className="ctl-error" role="alert">
            {problem}
          </p>
        ) : null}
        {preview ? <PreviewList preview={preview} count={count} /> : null}
      </div>
    </Modal>
  );
}

function PreviewList({ preview, count }: { preview: PostmanEnvironmentPreview; count: number }) {
  const renamed = preview.fileName !== null && preview.fileName !== preview.name;
  return (
    <section className="interop-preview" aria-label="Postman environment preview">
      <p className="interop-summary">
        {preview.refusal ? 'Would create' : 'Will create'} environment <strong>{preview.name}</strong>
        {renamed ? ` (“${preview.fileName}” in the file)` : ''}: {countOf(count, 'variable')}
        {preview.rows.length > count ? ` of ${preview.rows.length}` : ''}
      </p>
      {preview.rows.length ? (
        <ul className="interop-list penv-vars" aria-label="Variables">
          {preview.rows.map((r) => (
            <li key={r.where} className={r.imported ? undefined : 'is-left-out'}>
              <span className="mono penv-name">{r.name}</span>
              {r.secret ? <span className="penv-tag">secret</span> : null}
              {r.note ? <span className="penv-note">{r.note}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <SkippedList skipped={preview.skipped} />
      {preview.notes.map((n) => (
        <p key={n} className="ctl-hint penv-hint">
          {n}
        </p>
      ))}
    </section>
  );
}
