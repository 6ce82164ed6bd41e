import { type ChangeEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { CookieView } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import '../../components/controls.css';
import { useNotice } from '../../components/useNotice';
import { useProfilesStore } from '../profiles/store';
import { useRequestStore } from '../request/store';
import { BrowserLoginDialog } from './BrowserLoginDialog';
import { ClearDomainDialog } from './ClearDomainDialog';
import { CookieDetails } from './CookieDetails';
import { CookieEditor } from './CookieEditor';
import { CookieTable } from './CookieTable';
import { downloadText } from './download';
import { ImportPreviewDialog, type PendingImport } from './ImportPreviewDialog';
import {
  detectCookieFormat,
  displayDomain,
  domainsOf,
  exportFileName,
  filterCookies,
  hostOf,
  keyOf,
} from './model';
import { useCookiesStore } from './store';
import { ToolMenu } from './ToolMenu';
import './cookies.css';
import { countOf } from '../../../../main/shared/text';

type Editing = { cookie: CookieView | null } | null;

const keyId = (c: CookieView) => `${c.domain}\t${c.path}\t${c.name}`;

/** The cookie editor for the active profile's jar. */
export function CookieJarPanel() {
  const active = useProfilesStore((s) => s.active);
  const profile = useProfilesStore((s) => (s.active ? s.profiles[s.active] : undefined));
  const updateProfile = useProfilesStore((s) => s.update);
  const { byId, ids, status, error, load, refresh, remove, clear, importText } = useCookiesStore();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [clearDomainOpen, setClearDomainOpen] = useState(false);
  const [notice, say, clearNotice] = useNotice();
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [details, setDetails] = useState<string | null>(null);
  const [browserLogin, setBrowserLogin] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const filterId = useId();

  useEffect(() => {
    if (!active) return;
    clearNotice();
    setEditing(null);
    setPending(null);
    void load(active);
    return subscribe('cookies.changed', (p) => {
      if (p.profile === active) void refresh(active);
    });
  }, [active, load, refresh, clearNotice]);

  const cookies = useMemo(() => ids.map((id) => byId[id]).filter(Boolean), [ids, byId]);
  const shown = useMemo(() => filterCookies(cookies, query), [cookies, query]);
  const domains = useMemo(() => domainsOf(cookies), [cookies]);
  const draftUrl = useRequestStore((s) => s.draft.url);

  if (!active || !profile) {
    return (
      <section className="cookies-panel" aria-label="Cookie jar">
        <div className="ctl-empty">
          <strong>No profile selected</strong>
          <span>Pick a profile to see its cookie jar.</span>
        </div>
      </section>
    );
  }

  const onDelete = async (c: CookieView) => {
    const res = await remove(active, keyOf(c));
    if (res.ok) say('ok', `Deleted ${c.name} from ${displayDomain(c)}`);
    else say('error', res.error.message);
  };

  const onExport = async (format: 'netscape' | 'json') => {
    const res = await api['cookies.export']({ profile: active, format });
    if (!res.ok) return say('error', res.error.message);
    downloadText(
      exportFileName(active, format),
      res.value.text,
      format === 'json' ? 'application/json' : 'text/plain',
    );
    say('ok', `Exported ${countOf(cookies.length, 'cookie')}`);
  };

  const importNow = async (fileName: string, text: string, skipInvalid: boolean) => {
    const res = await importText(active, detectCookieFormat(text), text, skipInvalid);
    if (!res.ok) return say('error', res.error.message);
    const { imported, rejected } = res.value;
    const skipped = rejected.length ? ` (${countOf(rejected.length, 'rejected line')} left out)` : '';
    say('ok', `Imported ${countOf(imported, 'cookie')} from ${fileName}${skipped}`);
  };

  /** Reads the picked file; a file with bad lines shows the preview instead of importing. */
  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const preview = await api['cookies.previewImport']({ format: detectCookieFormat(text), text });
    if (!preview.ok) return say('error', `${file.name}: ${preview.error.message}`);
    if (preview.value.rejected.length === 0) return importNow(file.name, text, false);
    setPending({ fileName: file.name, text, preview: preview.value });
  };

  return (
    <section className="cookies-panel" aria-label={`Cookie jar of ${active}`}>
      <div className="cookies-toolbar">
        <label htmlFor={filterId} className="ui-sr-only">
          Filter cookies
        </label>
        <input
          id={filterId}
          type="search"
          className="ctl-input cookies-filter"
          placeholder="Filter by name, value or domain"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="cookies-count" aria-live="polite">
          {query ? `${shown.length} of ${cookies.length}` : `${countOf(cookies.length, 'cookie')}`}
        </span>
      </div>
      <div className="cookies-toolbar">
        <button
          type="button"
          className="ui-button ui-button-primary cookies-tool"
          onClick={() => setEditing({ cookie: null })}
        >
          Add cookie
        </button>
        <button type="button" className="ui-button cookies-tool" onClick={() => fileInput.current?.click()}>
          Import…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.json,text/plain,application/json"
          hidden
          aria-label="Import cookies from a file"
          onChange={onImport}
        />
        <button type="button" className="ui-button cookies-tool" onClick={() => setBrowserLogin(true)}>
          Log in with browser…
        </button>
        <ToolMenu
          label="Export"
          items={[
            { label: 'Export as cookies.txt', onSelect: () => void onExport('netscape') },
            { label: 'Export as JSON', onSelect: () => void onExport('json') },
          ]}
        />
        <span className="cookies-spacer" />
        <ToolMenu
          label="Clear"
          disabled={cookies.length === 0}
          items={[
            { label: 'Clear domain…', onSelect: () => setClearDomainOpen(true) },
            { label: 'Clear all…', danger: true, onSelect: () => setConfirmAll(true) },
          ]}
        />
      </div>

      {!profile.cookieStore ? (
        <div className="ctl-banner cookies-banner" role="status">
          <span>Cookie store is off for {active}: nothing is stored or sent from this jar</span>
          <button
            type="button"
            className="ui-button"
            onClick={() => void updateProfile(active, { cookieStore: true })}
          >
            Turn on
          </button>
        </div>
      ) : null}

      {notice ? (
        <div
          key={notice.id}
          className={`ui-notice ui-notice-${notice.kind} cookies-notice${notice.kind === 'error' ? ' ctl-error' : ''}`}
          role="status"
        >
          {notice.text}
        </div>
      ) : null}

      {status === 'error' && error ? (
        <div className="ctl-banner ctl-banner-error" role="alert">
          <span>
            Could not read {active}'s jar: {error.message}
          </span>
          <button type="button" className="ui-button" onClick={() => void load(active)}>
            Retry
          </button>
        </div>
      ) : status === 'loading' || status === 'idle' ? (
        <div className="ctl-empty" aria-busy="true">
          Loading {active}'s cookies…
        </div>
      ) : cookies.length === 0 ? (
        <div className="ctl-empty">
          <strong>{active}'s jar is empty</strong>
          <span>Cookies appear here when a response sets them, or add one yourself.</span>
        </div>
      ) : shown.length === 0 ? (
        <div className="ctl-empty">
          <strong>No cookie matches “{query}”</strong>
          <button type="button" className="ui-button" onClick={() => setQuery('')}>
            Clear filter
          </button>
        </div>
      ) : (
        <CookieTable
          cookies={shown}
          onEdit={(c) => setEditing({ cookie: c })}
          onDelete={(c) => void onDelete(c)}
          onDetails={(c) => setDetails(keyId(c))}
        />
      )}
      <CookieDetails
        profile={active}
        cookie={details ? (cookies.find((c) => keyId(c) === details) ?? null) : null}
        onOpenChange={(open) => {
          if (!open) setDetails(null);
        }}
      />
      <BrowserLoginDialog
        profile={active}
        open={browserLogin}
        defaultUrl={draftUrl}
        onOpenChange={setBrowserLogin}
        onDone={(text, ok) => say(ok ? 'ok' : 'error', text)}
      />

      <CookieEditor
        profile={active}
        cookie={editing?.cookie ?? null}
        defaultDomain={hostOf(draftUrl) ?? domains[0] ?? 'localhost'}
        open={editing !== null}
        onOpenChange={(open) => {
          if (!open) setEditing(null);
        }}
      />
      <ConfirmDialog
        open={confirmAll}
        onOpenChange={setConfirmAll}
        title="Clear all cookies?"
        message={`This removes all ${cookies.length} cookies from ${active}'s jar.`}
        confirmLabel="Clear all cookies"
        onConfirm={async () => {
          const res = await clear(active);
          if (res.ok) say('ok', `Removed ${countOf(res.value.removed, 'cookie')}`);
          else say('error', res.error.message);
        }}
      />
      <ImportPreviewDialog
        pending={pending}
        profile={active}
        onCancel={() => setPending(null)}
        onImport={(p) => {
          setPending(null);
          void importNow(p.fileName, p.text, true);
        }}
      />
      <ClearDomainDialog
        open={clearDomainOpen}
        onOpenChange={setClearDomainOpen}
        profile={active}
        domains={domains}
        onDone={(text, ok) => say(ok ? 'ok' : 'error', text)}
      />
    </section>
  );
}
