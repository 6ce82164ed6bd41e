import { useRef, useState } from 'react';
import { variableAt } from '../../../../main/shared/variableInfo';
import { useDescribeVariable } from '../../components/variableHint';
import { CompareControl } from '../compare/CompareControl';
import { CopyAsMenu } from '../interop/CopyAsMenu';
import { CurlNotice, onUrlPaste } from '../interop/UrlBarCurl';
import { useActiveProfile } from '../profiles/store';
import { VariableHint, variableUnderPointer } from '../variables/VariableHint';
import { useRequestStore } from './store';
import { segmentTemplate, unknownVariables } from './variables';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const CUSTOM = '__custom__';

export function methodClass(method: string): string {
  const m = method.toUpperCase();
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m) ? `method-${m.toLowerCase()}` : 'method-other';
}

/** Method, URL with {{variables}} marked, Send/Cancel and Save. */
export function UrlBar({ onSave }: { onSave(): void }) {
  const method = useRequestStore((s) => s.draft.method);
  const url = useRequestStore((s) => s.draft.url);
  const profile = useActiveProfile();
  const inFlight = useRequestStore((s) => (profile ? s.inFlight[profile.name] : undefined));
  const setDraft = useRequestStore((s) => s.setDraft);
  const overlay = useRef<HTMLDivElement>(null);
  const variables = profile?.variables ?? {};
  const segments = segmentTemplate(url, variables);
  const unknown = unknownVariables(url, variables);
  const isCustom = !(METHODS as readonly string[]).includes(method);

  // The {{variable}} under the pointer or the caret: its value for this profile is shown below.
  const describeVar = useDescribeVariable();
  const [hoverVar, setHoverVar] = useState<string | null>(null);
  const [caretVar, setCaretVar] = useState<string | null>(null);
  const syncScroll = (e: { currentTarget: HTMLInputElement }) => {
    if (overlay.current) overlay.current.scrollLeft = e.currentTarget.scrollLeft;
    const el = e.currentTarget;
    setCaretVar(
      el === document.activeElement ? (variableAt(el.value, el.selectionStart ?? -1)?.name ?? null) : null,
    );
  };

  return (
    <div className="request-urlbar">
      <div className="request-urlbar-row">
        <select
          className={`request-method ${methodClass(method)}`}
          aria-label="Method"
          value={isCustom ? CUSTOM : method}
          onChange={(e) => setDraft({ method: e.target.value === CUSTOM ? '' : e.target.value })}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
          <option value={CUSTOM}>Custom…</option>
        </select>
        {isCustom && (
          <input
            className="request-method-custom mono"
            aria-label="Custom method"
            placeholder="METHOD"
            autoFocus
            value={method}
            spellCheck={false}
            onChange={(e) =>
              setDraft({ method: e.target.value.toUpperCase().replace(/[^A-Z0-9!#$%&'*+.^_`|~-]/g, '') })
            }
          />
        )}
        <div className="request-url">
          <div className="request-url-overlay mono" ref={overlay} aria-hidden="true">
            {segments.map((s, i) =>
              s.kind === 'plain' ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                <span key={i}>{s.text}</span>
              ) : (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional
                  key={i}
                  className={`request-var request-var-${s.kind}`}
                  data-variable={s.name}
                  data-known={s.kind === 'known'}
                >
                  {s.text}
                </span>
              ),
            )}
          </div>
          <input
            className="request-url-input mono"
            aria-label="URL"
            aria-invalid={unknown.length > 0 ? true : undefined}
            aria-describedby={unknown.length > 0 ? 'request-url-hint' : undefined}
            title={
              unknown.length > 0
                ? `Not defined for ${profile?.name ?? 'this profile'}: ${unknown.map((n) => `{{${n}}}`).join(', ')}`
                : undefined
            }
            placeholder="Enter a URL, e.g. {{baseUrl}}/profile"
            spellCheck={false}
            autoComplete="off"
            value={url}
            onChange={(e) => {
              setDraft({ url: e.target.value });
              syncScroll(e);
            }}
            onPaste={onUrlPaste}
            onScroll={syncScroll}
            onKeyUp={syncScroll}
            onSelect={syncScroll}
            onMouseMove={(e) => setHoverVar(variableUnderPointer(overlay.current, e.clientX, e.clientY))}
            onMouseLeave={() => setHoverVar(null)}
            onBlur={() => setCaretVar(null)}
          />
        </div>
        {inFlight ? (
          <button
            type="button"
            className="ui-button request-cancel"
            onClick={() => profile && void useRequestStore.getState().cancel(profile.name)}
            title="Cancel (Esc)"
          >
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="ui-button ui-button-primary request-send"
            disabled={!profile || url.trim() === '' || method === ''}
            onClick={() => profile && void useRequestStore.getState().send(profile.name)}
            title="Send (Ctrl+Enter)"
          >
            {profile ? `Send as ${profile.name}` : 'Send'}
          </button>
        )}
        <CompareControl />
        <button
          type="button"
          className="ui-button request-save"
          onClick={onSave}
          title="Save to a collection"
        >
          Save
        </button>
        <CopyAsMenu />
      </div>
      <CurlNotice />
      <VariableHint name={hoverVar ?? caretVar} describe={describeVar} />
      {unknown.length > 0 && (
        <p id="request-url-hint" className="request-url-hint" role="status">
          {unknown.map((n) => `{{${n}}}`).join(', ')} {unknown.length === 1 ? 'is' : 'are'} not defined for{' '}
          {profile?.name ?? 'this profile'}; the send will fail until{' '}
          {unknown.length === 1 ? 'it is' : 'they are'} set in the Profile tab.
        </p>
      )}
    </div>
  );
}
