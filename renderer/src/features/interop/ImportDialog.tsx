import { useEffect, useState } from 'react';
import {
  detectImportFormat,
  type ImportFormat,
  type ImportPreview,
  importFormatLabels,
  importFormats,
} from '../../../../main/shared/interop';
import { api } from '../../api';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { countOf } from '../../../../main/shared/text';
import { useProfilesStore } from '../profiles/store';
import { FileField, ImportFooter, type PickedFile, SkippedList, useFilePreview } from './importParts';
import { useInteropStore } from './store';

const NOBODY = '';

/**
 * Import…: pick a Postman, Insomnia, HAR or OpenAPI file, see what it will create and what it
 * cannot take (with where in the file), then Import or Cancel. Nothing is written before Import.
 */
export function ImportDialog() {
  const open = useInteropStore((s) => s.importOpen);
  const setOpen = useInteropStore((s) => s.setImportOpen);
  const profiles = useProfilesStore((s) => s.profiles);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [format, setFormat] = useState<ImportFormat>('postman');
  const [name, setName] = useState('');
  const [cookiesTo, setCookiesTo] = useState(NOBODY);
  const [done, setDone] = useState<string | null>(null);
  // Every change of file, format or name previews again.
  const { preview, setPreview, error, setError, busy, setBusy } = useFilePreview(
    file,
    (text) => api['interop.previewImport']({ format, text, ...(name.trim() ? { name } : {}) }),
    [format, name],
  );

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setPreview(null);
    setError(null);
    setDone(null);
    setName('');
    setCookiesTo(NOBODY);
  }, [open, setPreview, setError]);

  const choose = (picked: PickedFile) => {
    setFile(picked);
    setDone(null);
    const guessed = detectImportFormat(picked.text);
    if (guessed) setFormat(guessed);
  };

  const runImport = async () => {
    if (!file || !preview) return;
    setBusy(true);
    const r = await api['interop.import']({
      format,
      text: file.text,
      ...(name.trim() ? { name } : {}),
      ...(format === 'har' && cookiesTo ? { cookiesProfile: cookiesTo } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    const cookies = r.value.cookiesImported
      ? `; ${countOf(r.value.cookiesImported, 'cookie')} into ${cookiesTo}'s jar`
      : '';
    setDone(
      `Created '${r.value.preview.name}' with ${countOf(r.value.preview.requests.length, 'request')}${cookies}`,
    );
    setFile(null);
    setPreview(null);
  };

  const count = preview?.requests.length ?? 0;
  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="Import"
      description="One new collection from a Postman, Insomnia, HAR or OpenAPI file. Preview first; nothing is written until you import."
      size="lg"
      footer={
        <ImportFooter
          cancelLabel={done ? 'Close' : 'Cancel'}
          onCancel={() => setOpen(false)}
          label={count ? `Import ${countOf(count, 'request')}` : 'Import'}
          disabled={busy || !preview || count === 0}
          onImport={() => void runImport()}
        />
      }
    >
      <div className="interop-form">
        <div className="interop-row">
          <FileField label="File to import" accept=".json,.yaml,.yml,.har,application/json" onPick={choose} />
          <label className="ctl-field">
            <span className="ctl-label">Format</span>
            <select
              className="ctl-select"
              aria-label="Format"
              value={format}
              onChange={(e) => setFormat(e.target.value as ImportFormat)}
            >
              {importFormats.map((f) => (
                <option key={f} value={f}>
                  {importFormatLabels[f]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="interop-row">
          <label className="ctl-field interop-grow">
            <span className="ctl-label">Collection name</span>
            <input
              className="ctl-input"
              aria-label="Collection name"
              placeholder={preview?.name ?? 'From the file'}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          {format === 'har' ? (
            <label className="ctl-field">
              <span className="ctl-label">Cookies the browser sent</span>
              <select
                className="ctl-select"
                aria-label="Put the browser's cookies into"
                value={cookiesTo}
                onChange={(e) => setCookiesTo(e.target.value)}
              >
                <option value={NOBODY}>Leave them out</option>
                {Object.keys(profiles).map((p) => (
                  <option key={p} value={p}>
                    Into {p}'s jar
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {done ? (
          <p className="interop-done" role="status">
            {done}
          </p>
        ) : null}
        {error ? (
          <p className="ctl-error" role="alert">
            {error}
          </p>
        ) : null}
        {preview ? <PreviewList preview={preview} /> : null}
      </div>
    </Modal>
  );
}

function PreviewList({ preview }: { preview: ImportPreview }) {
  return (
    <section className="interop-preview" aria-label="Import preview">
      <p className="interop-summary">
        Will create <strong>{preview.name}</strong>: {countOf(preview.requests.length, 'request')}
        {preview.folders.length ? ` in ${countOf(preview.folders.length, 'folder')}` : ''}
        {preview.variables.length ? `, ${countOf(preview.variables.length, 'variable')}` : ''}
        {preview.cookies.length ? `, ${countOf(preview.cookies.length, 'browser cookie')}` : ''}
      </p>
      <ul className="interop-list" aria-label="Requests to create">
        {preview.requests.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a preview list never reorders
          <li key={i}>
            <span className={`interop-method mono method-${r.request.method.toLowerCase()}`}>
              {r.request.method}
            </span>
            <span className="interop-name">{r.name}</span>
            {r.folder ? <span className="interop-folder">{r.folder}</span> : null}
          </li>
        ))}
      </ul>
      <SkippedList skipped={preview.skipped} />
    </section>
  );
}
