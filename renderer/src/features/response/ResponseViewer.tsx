import * as Tabs from '@radix-ui/react-tabs';
import { useEffect, useState } from 'react';
import { wasNotSent } from '../../../../main/shared/result';
import type { ResponseRecord } from '../../../../main/shared/types';
import { useNow } from '../../app/useNow';
import { CheckResults } from '../checks/CheckResults';
import { timeAgo } from '../history/format';
import { loadResponse } from '../history/open';
import { useActiveProfile } from '../profiles/store';
import { type SendOutcome, useRequestStore } from '../request/store';
import { SessionNotes } from '../sessions/SessionNotes';
import { BodyView } from './BodyView';
import { CookiesByHop, HeadersTable, HopsTimeline, StatusPill, TimingBar } from './Details';
import { useResponseFocus } from './focus';
import { formatBytes, formatMs } from './format';
import './response.css';
import { PartialHead } from './PartialResponse';

/** The active profile's last response for the request being edited, or its loading / error / empty state. */
export function ResponseViewer() {
  const profile = useActiveProfile();
  const name = profile?.name ?? '';
  const outcome: SendOutcome | undefined = useRequestStore((s) => s.responses[name]);
  const inFlight = useRequestStore((s) => s.inFlight[name]);
  const othersText = useRequestStore((s) =>
    Object.keys(s.responses)
      .filter((p) => p !== name)
      .join(', '),
  );
  const others = othersText ? othersText.split(', ') : [];
  const tabId = useRequestStore((s) => s.activeId);
  const lastSentId = useRequestStore((s) => s.tabs[s.activeId]?.lastSent[name]?.historyId);
  const pending = Boolean(lastSentId) && !outcome && !inFlight;
  // After a restart (or from history) the tab knows which entry holds this profile's last response.
  useEffect(() => {
    if (pending && lastSentId) void loadResponse(tabId, name, lastSentId);
  }, [pending, tabId, name, lastSentId]);

  let content: React.ReactNode;
  if (inFlight) {
    const p = inFlight.progress;
    content = (
      <div className="response-state" role="status" aria-live="polite">
        <span className="response-spinner" aria-hidden="true" />
        <p className="response-state-title">Sending as {name}…</p>
        {p && (
          <p className="ui-note mono">
            hop {p.hop + 1}
            {p.status !== null ? ` · ${p.status}` : ''} · {p.url}
          </p>
        )}
        <button
          type="button"
          className="ui-button"
          onClick={() => void useRequestStore.getState().cancel(name)}
        >
          Cancel
        </button>
      </div>
    );
  } else if (!outcome && pending) {
    content = (
      <div className="response-state" aria-busy="true">
        <p className="ui-note">Loading {name}'s last response…</p>
      </div>
    );
  } else if (!outcome) {
    content = (
      <div className="response-state">
        {others.length > 0 && (
          <p className="response-state-title">
            <span className="response-profile">{name}</span> has not sent this request yet
          </p>
        )}
        <p className={others.length ? 'ui-note' : 'response-state-title'}>
          Send a request as <span className="response-profile">{name || 'a profile'}</span> to see the
          response
          {others.length > 0 && ` (${others.join(', ')} ${others.length === 1 ? 'has' : 'have'})`}
        </p>
        <p className="ui-note">Ctrl+Enter sends · Ctrl+1…9 switches profile</p>
      </div>
    );
  } else if (outcome.kind === 'error') {
    const cancelled = outcome.error.code === 'CANCELLED';
    content = (
      <div className={`response-state${cancelled ? '' : ' response-error'}`} role="alert">
        <p className="response-state-title">
          {cancelled
            ? 'Request cancelled'
            : wasNotSent(outcome.error.code)
              ? `Not sent as ${name}`
              : `Request failed as ${name}`}
        </p>
        {cancelled ? (
          <p className="ui-note">Nothing was changed in the draft. Ctrl+Enter sends it again.</p>
        ) : (
          <p className="response-error-line">
            <code className="response-error-code">{outcome.error.code}</code> {outcome.error.message}
          </p>
        )}
        {outcome.error.partial ? (
          <PartialHead partial={outcome.error.partial} message={outcome.error.message} />
        ) : null}
      </div>
    );
  } else {
    content = <ResponseDetails response={outcome.response} />;
  }

  return (
    <section className="response-viewer" aria-label="Response">
      {content}
    </section>
  );
}

/** "as bob, 2 min ago": whose response this is and how old it is (kept up to date). */
function SentAgo({ profile, at }: { profile: string; at: string }) {
  const now = useNow();
  return (
    <span className="response-as" title={new Date(at).toLocaleString()}>
      as <span className="response-profile">{profile}</span>, {timeAgo(at, now)}
    </span>
  );
}

function Count({ n }: { n: number }) {
  return <span className="ui-tab-count">{n}</span>;
}

export function ResponseDetails({ response }: { response: ResponseRecord }) {
  const cookieCount = response.hops.reduce((n, h) => n + h.cookiesSent.length + h.cookiesSet.length, 0);
  // Opened from a cookie's source: the Cookies tab first, at the hop that set it.
  const focus = useResponseFocus((s) => (s.focus?.responseId === response.id ? s.focus : null));
  const [tab, setTab] = useState(focus ? 'cookies' : 'body');
  useEffect(() => {
    if (focus) setTab('cookies');
  }, [focus]);
  return (
    <div className="response-details">
      <div className="response-summary">
        <StatusPill status={response.status} statusText={response.statusText} />
        <span className="response-metric" title="Total time">
          {formatMs(response.timings.total)}
        </span>
        <span className="response-metric" title="Body size">
          {formatBytes(response.size)}
        </span>
        {response.hops.length > 1 && (
          <span className="response-metric">
            {response.hops.length - 1} redirect{response.hops.length > 2 ? 's' : ''}
          </span>
        )}
        <SentAgo profile={response.profile} at={response.startedAt} />
      </div>
      <SessionNotes response={response} />
      <CheckResults response={response} />
      <Tabs.Root className="response-tabs" value={tab} onValueChange={setTab}>
        <Tabs.List className="ui-tabs-list" aria-label="Response parts">
          <Tabs.Trigger className="ui-tab" value="body">
            Body
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="headers">
            Headers
            <Count n={response.headers.length} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="cookies">
            Cookies
            <Count n={cookieCount} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="hops">
            Hops
            <Count n={response.hops.length} />
          </Tabs.Trigger>
          <Tabs.Trigger className="ui-tab" value="timing">
            Timing
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content className="response-pane response-pane-fill" value="body">
          <BodyView response={response} />
        </Tabs.Content>
        <Tabs.Content className="response-pane" value="headers">
          <HeadersTable headers={response.headers} label="Response headers" />
          <h3 className="response-subhead">Request headers as sent</h3>
          <HeadersTable headers={response.request.headers} label="Request headers" />
        </Tabs.Content>
        <Tabs.Content className="response-pane" value="cookies">
          <CookiesByHop response={response} focus={focus} />
        </Tabs.Content>
        <Tabs.Content className="response-pane" value="hops">
          <HopsTimeline hops={response.hops} />
        </Tabs.Content>
        <Tabs.Content className="response-pane" value="timing">
          <TimingBar response={response} />
        </Tabs.Content>
      </Tabs.Root>
    </div>
  );
}
