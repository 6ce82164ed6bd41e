import { useState } from 'react';
import type { ResponseRecord } from '../../../../main/shared/types';
import { api } from '../../api';
import { formatBytes } from './format';

/**
 * A body cut at the in-memory cap: says so, and saves the whole body (kept in the workspace's
 * spool by the core) to a file the user names, through `response.saveBody`.
 */
export function SaveBody({ response }: { response: ResponseRecord }) {
  const truncated = response.truncated;
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (!truncated) return null;
  const save = async () => {
    setBusy(true);
    setOutcome(null);
    const r = await api['response.saveBody']({ responseId: response.id, path: path.trim() });
    setBusy(false);
    setOutcome(
      r.ok
        ? { ok: true, text: `Saved ${formatBytes(r.value.bytes)} to ${r.value.path}` }
        : { ok: false, text: r.error.message },
    );
  };
  return (
    <div className="save-body">
      <span className="ui-note">{truncated.message}</span>
      {truncated.spooled && (
        <>
          <input
            className="ui-input mono"
            aria-label="Save the full body to (file path)"
            placeholder="/path/to/body.json"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && path.trim() && !busy) void save();
            }}
          />
          <button
            type="button"
            className="ui-button"
            disabled={!path.trim() || busy}
            onClick={() => void save()}
          >
            {busy ? 'Saving…' : 'Save to file'}
          </button>
        </>
      )}
      {outcome && (
        <span className={outcome.ok ? 'ui-note' : 'ui-error-line'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </span>
      )}
    </div>
  );
}
