import { useId } from 'react';
import { EXTRACT_SOURCE_LABELS, extractRuleError } from '../../../../main/shared/extractRules';
import { type ExtractRule, type ExtractSource, extractSourceSchema } from '../../../../main/shared/sessions';
import { useCollectionsStore } from '../collections/store';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from './store';
import './extract.css';

const NONE: ExtractRule[] = [];

/** The saved request's extraction rules (none for a request outside a collection). */
function useSavedRules(): ExtractRule[] {
  const origin = useRequestStore((s) => s.origin);
  return useCollectionsStore(
    (s) =>
      (origin && s.byId[origin.collectionId]?.requests.find((r) => r.id === origin.requestId)?.extract) ??
      NONE,
  );
}

/** The rules the active tab shows: the ones being edited, else the saved request's. */
export function useExtractRules(): ExtractRule[] {
  const edited = useRequestStore((s) => s.tabs[s.activeId]?.extract?.rules);
  const saved = useSavedRules();
  return edited ?? saved;
}

/**
 * The "Extract" pane: rules that take a value from each response (JSON path, regex, header,
 * cookie, final URL) into a variable of the profile that sent it. Saved with the request
 * (Ctrl+S); applied on every send, edited or not.
 */
export function ExtractEditor() {
  const id = useId();
  const saved = useSavedRules();
  const rules = useExtractRules();
  const setExtract = useRequestStore((s) => s.setExtract);
  const origin = useRequestStore((s) => s.origin);
  const profile = useActiveProfile();
  const set = (next: ExtractRule[]) => setExtract(next, saved);
  const setRule = (i: number, patch: Partial<ExtractRule>) =>
    set(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <div className="request-pane-stack extract-editor">
      <p className="ui-note">
        Each response sets these variables of{' '}
        {profile ? <strong className="request-profile-name">{profile.name}</strong> : 'the sending profile'},
        for later requests of that profile only
        {origin ? '; saved with the request (Ctrl+S).' : '. Save the request to keep them.'}
      </p>
      {rules.length > 0 ? (
        <table className="kv-table extract-table" aria-label="Extraction rules">
          <thead>
            <tr>
              <th className="extract-name-col">Variable</th>
              <th className="extract-source-col">Source</th>
              <th>Expression</th>
              <th className="kv-remove-col">
                <span className="ui-sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, i) => {
              const n = i + 1;
              const error = extractRuleError(rule);
              const errId = `${id}-err-${i}`;
              const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errId } : {};
              const hint = EXTRACT_SOURCE_LABELS[rule.source];
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
                <tr key={i} className={error ? 'extract-bad' : ''}>
                  <td>
                    <input
                      className="kv-input mono"
                      aria-label={`Variable name ${n}`}
                      placeholder="csrf"
                      spellCheck={false}
                      value={rule.name}
                      onChange={(e) => setRule(i, { name: e.target.value })}
                      {...invalid}
                    />
                  </td>
                  <td className="extract-source-col">
                    <select
                      className="kv-input extract-source"
                      aria-label={`Source ${n}`}
                      value={rule.source}
                      onChange={(e) => setRule(i, { source: e.target.value as ExtractSource })}
                    >
                      {extractSourceSchema.options.map((s) => (
                        <option key={s} value={s}>
                          {EXTRACT_SOURCE_LABELS[s].label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      className="kv-input mono"
                      aria-label={`Expression ${n}`}
                      placeholder={hint.placeholder}
                      spellCheck={false}
                      disabled={rule.source === 'url'}
                      value={rule.source === 'url' ? '' : rule.expr}
                      onChange={(e) => setRule(i, { expr: e.target.value })}
                      {...invalid}
                    />
                    {error ? (
                      <div id={errId} className="ctl-error extract-error" role="alert">
                        {error}
                      </div>
                    ) : null}
                  </td>
                  <td className="kv-remove-col">
                    <button
                      type="button"
                      className="ui-icon-button"
                      aria-label={`Remove rule ${rule.name || n}`}
                      title="Remove"
                      onClick={() => set(rules.filter((_, j) => j !== i))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <div className="kv-none">No extraction rules.</div>
      )}
      <button
        type="button"
        className="ui-button ui-button-ghost kv-add"
        onClick={() => set([...rules, { name: '', source: 'json', expr: '' }])}
      >
        + Add rule
      </button>
    </div>
  );
}
