import { type FormEvent, useEffect, useId, useState } from 'react';
import { Modal } from '../../components/Modal';
import '../../components/controls.css';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { readCurl } from './curl';
import { useInteropStore } from './store';

/** "New request from curl": a pasted command opens as a new request tab. */
export function NewFromCurlDialog() {
  const open = useInteropStore((s) => s.curlOpen);
  const setOpen = useInteropStore((s) => s.setCurlOpen);
  const profile = useActiveProfile();
  const [command, setCommand] = useState('');
  const [toJar, setToJar] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    if (open) {
      setCommand('');
      setError(null);
      setToJar(false);
    }
  }, [open]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!command.trim()) return setError('Paste a curl command');
    setBusy(true);
    const r = await readCurl(command, toJar && profile ? profile.name : undefined);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    useRequestStore.getState().openRequest(r.value.request, null, { title: r.value.name });
    setOpen(false);
  };

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="New request from curl"
      description="Paste a curl command, e.g. from the browser's Copy as cURL (bash)."
      size="lg"
      footer={
        <>
          <button type="button" className="ui-button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="ui-button ui-button-primary" disabled={busy}>
            Create request
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="interop-form" onSubmit={(e) => void submit(e)}>
        <label className="ctl-field">
          <span className="ctl-label">curl command</span>
          <textarea
            className="ctl-input mono interop-curl-text"
            aria-label="curl command"
            rows={8}
            spellCheck={false}
            value={command}
            onChange={(e) => {
              setCommand(e.target.value);
              setError(null);
            }}
          />
        </label>
        <label className="ctl-check">
          <input
            type="checkbox"
            checked={toJar}
            onChange={(e) => setToJar(e.target.checked)}
            disabled={!profile}
          />
          Put the command's cookies (-b) into {profile?.name ?? 'the profile'}'s jar instead of this request
        </label>
        {error ? (
          <p className="ctl-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Modal>
  );
}
