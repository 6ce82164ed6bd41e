import { useRef } from 'react';
import type { RequestBody } from '../../../../main/shared/types';
import { CodeEditor } from '../../components/CodeEditor';
import { KeyValueTable } from '../../components/KeyValueTable';
import { type BodyType, switchBodyType } from './bodyType';
import { checkJson } from './jsonCheck';
import { MultipartEditor } from './MultipartEditor';
import { useRequestStore } from './store';

const BODY_TYPES: Array<{ type: BodyType; label: string }> = [
  { type: 'none', label: 'None' },
  { type: 'json', label: 'JSON' },
  { type: 'form', label: 'Form' },
  { type: 'multipart', label: 'Multipart' },
  { type: 'text', label: 'Raw text' },
  { type: 'file', label: 'File' },
];

export function BodyEditor() {
  const body = useRequestStore((s) => s.draft.body);
  const setDraft = useRequestStore((s) => s.setDraft);
  /** What the user typed under each body type, so flipping types loses nothing. */
  const remembered = useRef<Partial<Record<BodyType, RequestBody>>>({});
  const setBody = (b: RequestBody) => setDraft({ body: b });

  const choose = (to: BodyType) => {
    remembered.current[body.type] = body;
    setBody(switchBodyType(body, to, remembered.current[to]));
  };

  return (
    <div className="request-body">
      <div className="request-body-types" role="radiogroup" aria-label="Body type">
        {BODY_TYPES.map((b) => (
          <label key={b.type} className={`request-body-type${body.type === b.type ? ' is-active' : ''}`}>
            <input
              type="radio"
              name="request-body-type"
              className="ui-sr-only"
              checked={body.type === b.type}
              onChange={() => choose(b.type)}
            />
            {b.label}
          </label>
        ))}
      </div>
      <div className="request-body-content">
        <BodyContent body={body} setBody={setBody} />
      </div>
    </div>
  );
}

function BodyContent({ body, setBody }: { body: RequestBody; setBody(b: RequestBody): void }) {
  switch (body.type) {
    case 'none':
      return <p className="ui-note request-empty-note">This request has no body.</p>;
    case 'json': {
      const check = checkJson(body.text);
      return (
        <div className="request-code">
          <CodeEditor
            label="JSON body"
            language="json"
            gutters
            value={body.text}
            placeholder='{ "name": "{{username}}" }'
            onChange={(text) => setBody({ type: 'json', text })}
          />
          <p
            className={check.ok ? 'ui-note request-json-status' : 'ui-error-line request-json-status'}
            role="status"
          >
            {check.ok ? (body.text.trim() ? 'Valid JSON' : 'Empty body') : check.message}
          </p>
        </div>
      );
    }
    case 'text':
      return (
        <div className="request-code">
          <label className="ui-field request-inline-field">
            Content type
            <input
              className="ui-input mono"
              value={body.contentType ?? ''}
              placeholder="text/plain"
              spellCheck={false}
              onChange={(e) => setBody({ ...body, contentType: e.target.value || undefined })}
            />
          </label>
          <CodeEditor
            label="Raw body"
            language="text"
            value={body.text}
            onChange={(text) => setBody({ ...body, text })}
          />
        </div>
      );
    case 'form':
      return (
        <KeyValueTable
          label="Form fields"
          toggles
          rows={body.fields}
          onChange={(fields) => setBody({ type: 'form', fields })}
        />
      );
    case 'multipart':
      return (
        <MultipartEditor parts={body.parts} onChange={(parts) => setBody({ type: 'multipart', parts })} />
      );
    case 'file':
      return (
        <div className="request-file">
          <label className="ui-field">
            File path on this machine
            <input
              className="ui-input mono"
              value={body.path}
              placeholder="/home/me/payload.bin"
              spellCheck={false}
              onChange={(e) => setBody({ ...body, path: e.target.value })}
            />
          </label>
          <label className="ui-field">
            Content type
            <input
              className="ui-input mono"
              value={body.contentType ?? ''}
              placeholder="application/octet-stream"
              spellCheck={false}
              onChange={(e) => setBody({ ...body, contentType: e.target.value || undefined })}
            />
          </label>
          <p className="ui-note">Tandem reads the file when the request is sent.</p>
        </div>
      );
  }
}
