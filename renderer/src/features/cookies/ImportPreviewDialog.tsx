import type { CookieImportPreview } from '../../../../main/shared/cookieImport';
import { describePreview } from '../../../../main/shared/cookieImport';
import { Modal } from '../../components/Modal';

export interface PendingImport {
  fileName: string;
  text: string;
  preview: CookieImportPreview;
}

/**
 * A cookie file with bad lines: "N valid, M rejected", each rejected line with its number and
 * reason, then "Import N valid" or Cancel. Nothing is imported until the user says so.
 */
export function ImportPreviewDialog({
  pending,
  profile,
  onCancel,
  onImport,
}: {
  pending: PendingImport | null;
  profile: string;
  onCancel(): void;
  onImport(pending: PendingImport): void;
}) {
  const p = pending?.preview;
  return (
    <Modal
      open={pending !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      title={`Import ${pending?.fileName ?? ''} into ${profile}?`}
      description={p ? describePreview(p) : undefined}
      size="lg"
      footer={
        p ? (
          <>
            <button type="button" className="ui-button" autoFocus onClick={onCancel}>
              Cancel
            </button>
            <button
              type="button"
              className="ui-button ui-button-primary"
              disabled={p.valid === 0}
              onClick={() => pending && onImport(pending)}
            >
              Import {p.valid} valid
            </button>
          </>
        ) : null
      }
    >
      {p ? (
        <div className="cookies-preview">
          <p className="ui-note">
            {p.rejected.length === 1 ? 'This line is' : `These ${p.rejected.length} lines are`} left out; the
            rest import as usual.
          </p>
          <ul className="cookies-rejected" aria-label="Rejected lines">
            {p.rejected.map((r) => (
              <li key={r.line}>
                <span className="cookies-rejected-where">{r.where}</span>
                <span className="cookies-rejected-reason">{r.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Modal>
  );
}
