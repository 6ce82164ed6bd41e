import { useEffect, useRef, useState } from 'react';
import type { SkippedItem } from '../../../../main/shared/interop';
import type { Result } from '../../../../main/shared/types';

/**
 * The parts every "pick a file, preview it, Import" dialog shares (Import… and Import Postman
 * environment…): the File field that reads the picked file, the preview asked of the core again
 * on every change, and the Cancel/Import footer.
 */

/** A picked file: its name and its text. */
export interface PickedFile {
  name: string;
  text: string;
}

/** The "File" field: picking a file reads it and hands over its name and text. */
export function FileField({
  label,
  accept,
  onPick,
}: {
  /** The input's accessible name. */
  label: string;
  accept: string;
  onPick(file: PickedFile): void;
}) {
  const choose = async (f: File | undefined) => {
    if (!f) return;
    onPick({ name: f.name, text: await f.text() });
  };
  return (
    <label className="ctl-field interop-grow">
      <span className="ctl-label">File</span>
      <input
        type="file"
        aria-label={label}
        accept={accept}
        onChange={(e) => void choose(e.target.files?.[0])}
      />
    </label>
  );
}

/**
 * The preview of `file`, asked of the core again whenever the file or `again` changes (the core
 * writes nothing for a preview); an answer that arrives after a newer ask is dropped. No file, no ask.
 */
export function useFilePreview<T>(
  file: PickedFile | null,
  ask: (text: string) => Promise<Result<T>>,
  again: readonly unknown[],
) {
  const [preview, setPreview] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(ask);
  latest.current = ask;

  // `again` lists what the ask reads besides the file.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy(true);
    void latest.current(file.text).then((r) => {
      if (!live) return;
      setBusy(false);
      setPreview(r.ok ? r.value : null);
      setError(r.ok ? null : r.error.message);
    });
    return () => {
      live = false;
    };
  }, [file, ...again]);

  return { preview, setPreview, error, setError, busy, setBusy };
}

/** The footer: Cancel (or `cancelLabel`) and the primary Import button, labelled with what it imports. */
export function ImportFooter({
  cancelLabel = 'Cancel',
  onCancel,
  label,
  disabled,
  onImport,
}: {
  cancelLabel?: string;
  onCancel(): void;
  label: string;
  disabled: boolean;
  onImport(): void;
}) {
  return (
    <>
      <button type="button" className="ui-button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type="button" className="ui-button ui-button-primary" disabled={disabled} onClick={onImport}>
        {label}
      </button>
    </>
  );
}

/** What the file holds that cannot be imported, each with where in the file; nothing when empty. */
export function SkippedList({ skipped }: { skipped: readonly SkippedItem[] }) {
  if (!skipped.length) return null;
  return (
    <>
      <p className="interop-summary">Cannot take ({skipped.length}):</p>
      <ul className="interop-list interop-skipped" aria-label="Skipped">
        {skipped.map((s, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a preview list never reorders
          <li key={i}>
            <span className="mono interop-where">{s.where}</span>
            <span>{s.reason}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
