import { useMemo, useState } from 'react';
import { BODY_REF_MIN_CHARS, type MaybeBodyRef } from '../../../../main/shared/bodyref';
import type { ResponseRecord } from '../../../../main/shared/types';
import { CodeEditor } from '../../components/CodeEditor';
import { formatBytes, isHtmlType, PRETTY_LIMIT, presentBody } from './format';
import { type LargeBodySource, LargeBodyView } from './LargeBodyView';
import { SaveBody } from './SaveBody';

type Mode = 'pretty' | 'raw' | 'preview';

/** The body: pretty (JSON formatted, folding), raw (as received), preview (HTML sandboxed, images). */
export function BodyView({ response }: { response: ResponseRecord & MaybeBodyRef }) {
  // Large text bodies (beside the envelope in web mode, or long strings): laid out in a worker,
  // only the visible lines rendered.
  const large = useMemo<LargeBodySource | null>(() => {
    if (response.bodyEncoding !== 'utf8') return null;
    if (response.bodyRef) return { bodyRef: response.bodyRef };
    return response.body.length >= BODY_REF_MIN_CHARS ? { text: response.body } : null;
  }, [response]);
  const image = response.bodyEncoding === 'base64' && (response.contentType ?? '').startsWith('image/');
  const html = isHtmlType(response.contentType);
  const canPreview = image || html;
  const [mode, setMode] = useState<Mode>(image ? 'preview' : 'pretty');
  const effective: Mode = mode === 'preview' && !canPreview ? 'pretty' : mode;
  const shown = useMemo(
    () => (large ? null : presentBody(response, effective === 'raw' ? 'raw' : 'pretty')),
    [response, effective, large],
  );

  const modes: Array<{ id: Mode; label: string }> = [
    { id: 'pretty', label: 'Pretty' },
    { id: 'raw', label: 'Raw' },
    ...(canPreview ? [{ id: 'preview' as const, label: 'Preview' }] : []),
  ];

  return (
    <div className="response-body">
      <div className="response-body-bar">
        <div className="response-segmented" role="radiogroup" aria-label="Body view">
          {modes.map((m) => (
            <label key={m.id} className={`response-segment${effective === m.id ? ' is-active' : ''}`}>
              <input
                type="radio"
                className="ui-sr-only"
                name="response-body-view"
                checked={effective === m.id}
                onChange={() => setMode(m.id)}
              />
              {m.label}
            </label>
          ))}
        </div>
        <span className="response-body-type mono">{response.contentType ?? 'no content type'}</span>
        {shown?.kind === 'text' && shown.tooLargeToFormat && effective === 'pretty' && (
          <span className="ui-note">
            {formatBytes(response.size)} is over {formatBytes(PRETTY_LIMIT)}: shown as received, not
            reformatted.
          </span>
        )}
      </div>
      {response.truncated && <SaveBody response={response} />}
      <div className="response-body-content">
        {large && effective !== 'preview' ? (
          <LargeBodyView source={large} mode={effective === 'raw' ? 'raw' : 'pretty'} />
        ) : !shown ? null : effective === 'preview' ? (
          image && shown.kind === 'image' ? (
            <div className="response-image">
              <img src={shown.dataUrl} alt={`Response body (${response.contentType})`} />
            </div>
          ) : (
            <iframe className="response-preview" title="HTML preview" sandbox="" srcDoc={response.body} />
          )
        ) : shown.kind === 'empty' ? (
          <p className="ui-note response-center">Empty body.</p>
        ) : shown.kind === 'binary' ? (
          <p className="ui-note response-center">
            Binary body, {formatBytes(shown.bytes)} ({response.contentType ?? 'unknown type'}).
          </p>
        ) : shown.kind === 'image' ? (
          <p className="ui-note response-center">Image, {formatBytes(response.size)}: see Preview.</p>
        ) : (
          <CodeEditor
            label="Response body"
            readOnly
            gutters
            language={shown.language}
            value={shown.text}
            wrap={shown.text.length < 200_000 && effective === 'raw'}
          />
        )}
      </div>
    </div>
  );
}
