import type { RequestBody } from '../../../../main/shared/types';
import { KvHead } from '../../components/KeyValueTable';

type Parts = Extract<RequestBody, { type: 'multipart' }>['parts'];
type Part = Parts[number];

/** Multipart rows: text fields and file parts (a path on this machine; the core reads the file). */
export function MultipartEditor({ parts, onChange }: { parts: Parts; onChange(parts: Parts): void }) {
  const setPart = (i: number, p: Part) => onChange(parts.map((x, j) => (j === i ? p : x)));
  return (
    <div className="request-multipart">
      <table className="kv-table" aria-label="Multipart parts">
        <KvHead toggles name="Name" value="Value or file path on this machine" />
        <tbody>
          {parts.map((p, i) => {
            const n = i + 1;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
              <tr key={i} className={p.enabled === false ? 'kv-off' : ''}>
                <td className="kv-toggle-col">
                  <input
                    type="checkbox"
                    aria-label={`Enable part ${n}`}
                    checked={p.enabled !== false}
                    onChange={(e) => setPart(i, { ...p, enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    className="kv-input mono"
                    aria-label={`Part name ${n}`}
                    value={p.name}
                    spellCheck={false}
                    onChange={(e) => setPart(i, { ...p, name: e.target.value })}
                  />
                </td>
                <td>
                  {p.kind === 'field' ? (
                    <input
                      className="kv-input mono"
                      aria-label={`Part value ${n}`}
                      value={p.value}
                      spellCheck={false}
                      onChange={(e) => setPart(i, { ...p, value: e.target.value })}
                    />
                  ) : (
                    <input
                      className="kv-input mono request-part-file"
                      aria-label={`File path on this machine, part ${n}`}
                      placeholder="File path on this machine"
                      value={p.path}
                      spellCheck={false}
                      onChange={(e) => setPart(i, { ...p, path: e.target.value })}
                    />
                  )}
                </td>
                <td className="kv-remove-col">
                  <button
                    type="button"
                    className="ui-icon-button"
                    aria-label={`Remove part ${n}`}
                    onClick={() => onChange(parts.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="request-multipart-actions">
        <button
          type="button"
          className="ui-button"
          onClick={() => onChange([...parts, { kind: 'field', name: '', value: '' }])}
        >
          Add field
        </button>
        <button
          type="button"
          className="ui-button"
          onClick={() => onChange([...parts, { kind: 'file', name: '', path: '' }])}
        >
          Add file
        </button>
      </div>
    </div>
  );
}
