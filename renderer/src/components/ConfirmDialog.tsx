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
  /** Runs on confirm; the dialog closes when it resolves. */
  onConfirm(): void | Promise<void>;
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
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      onOpenChange(false);
    }
  };
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      description={message}
      size="sm"
      footer={
        <>
          <button type="button" className="ctl-btn" autoFocus onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? 'ctl-btn ctl-btn-danger' : 'ctl-btn ctl-btn-primary'}
            disabled={busy}
            onClick={confirm}
          >
            {confirmLabel}
          </button>
        </>
      }
    />
  );
}
