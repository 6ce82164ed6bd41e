import { type ReactNode, useState } from 'react';
import { Modal } from './Modal';
import './controls.css';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  message: ReactNode;
  /** Label of the confirming button, e.g. "Clear all cookies". */
  confirmLabel: string;
  /** Destructive actions get the danger colour. */
  danger?: boolean;
  /**
   * Runs on confirm; the dialog closes when it resolves. When it resolves to a message, the action
   * failed: the message is shown in the dialog, which stays open.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: most callers return nothing (void), some a message
  onConfirm(): void | string | null | Promise<void | string | null>;
}

/** "Are you sure?" for destructive actions: Cancel has focus first, so Enter never destroys by accident. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  message,
  confirmLabel,
  danger = true,
  onConfirm,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const openChange = (next: boolean) => {
    if (!next) setProblem(null);
    onOpenChange(next);
  };
  const confirm = async () => {
    setBusy(true);
    let failure: string | null = null;
    try {
      failure = (await onConfirm()) || null;
    } finally {
      setBusy(false);
      setProblem(failure);
      if (!failure) openChange(false);
    }
  };
  return (
    <Modal
      open={open}
      onOpenChange={openChange}
      title={title}
      description={message}
      size="sm"
      footer={
        <>
          <button type="button" className="ui-button" autoFocus onClick={() => openChange(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'ui-button ui-button-danger' : 'ui-button ui-button-primary'}
            disabled={busy}
            onClick={confirm}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {problem && (
        <p role="alert" className="ctl-error">
          {problem}
        </p>
      )}
    </Modal>
  );
}
