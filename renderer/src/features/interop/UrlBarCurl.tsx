import type { ClipboardEvent } from 'react';
import { looksLikeCurl } from '../../../../main/shared/curl';
import { useActiveProfile } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { readCurl, replaceDraft } from './curl';
import { useInteropStore } from './store';
import './interop.css';
import { countOf } from '../../../../main/shared/text';

/**
 * Pasting a curl command into the URL bar turns it into the request (the core reads it). Plain
 * URLs paste as usual.
 */
export function onUrlPaste(e: ClipboardEvent<HTMLInputElement>): void {
  const text = e.clipboardData.getData('text/plain');
  if (!looksLikeCurl(text)) return;
  e.preventDefault();
  const { setNotice } = useInteropStore.getState();
  void readCurl(text).then((r) => {
    if (!r.ok) return setNotice({ kind: 'error', message: r.message });
    replaceDraft(r.value.request);
    setNotice({
      kind: 'read',
      name: r.value.name,
      command: text,
      cookies: r.value.request.cookies?.length ?? 0,
      notes: r.value.notes,
    });
  });
}

/** What the paste did, under the URL bar: the cookies it brought can go into the profile's jar instead. */
export function CurlNotice() {
  const notice = useInteropStore((s) => s.notice);
  const setNotice = useInteropStore((s) => s.setNotice);
  const profile = useActiveProfile();
  if (!notice) return null;
  if (notice.kind === 'error')
    return (
      <div className="ui-notice-bar is-error interop-notice" role="alert">
        <span>{notice.message}</span>
        <button type="button" className="ui-icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
          ×
        </button>
      </div>
    );
  const toJar = async () => {
    if (!profile) return;
    const r = await readCurl(notice.command, profile.name);
    if (!r.ok) return setNotice({ kind: 'error', message: r.message });
    useRequestStore.getState().setDraft({ cookies: undefined });
    setNotice({
      ...notice,
      cookies: 0,
      notes: [`${countOf(r.value.cookiesImported, 'cookie')} put into ${profile.name}'s jar`],
    });
  };
  return (
    <div className="ui-notice-bar interop-notice" role="status">
      <span>
        Read from curl: <strong className="mono">{notice.name}</strong>
        {notice.cookies > 0 ? ` · ${countOf(notice.cookies, 'cookie')} sent with this request only` : ''}
        {notice.notes.length ? ` · ${notice.notes.join('; ')}` : ''}
      </span>
      {notice.cookies > 0 && profile ? (
        <button type="button" className="ui-button ui-button-ghost" onClick={() => void toJar()}>
          Put them in {profile.name}'s jar
        </button>
      ) : null}
      <button type="button" className="ui-icon-button" aria-label="Dismiss" onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}
