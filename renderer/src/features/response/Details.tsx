import { type ReactNode, useEffect, useRef } from 'react';
import type { Hop, ResponseRecord, SentCookie, SetCookieRecord } from '../../../../main/shared/types';
import { CopyButton } from '../../components/CopyButton';
import { formatMs, outcomeTone, setCookieName, statusClass, timingSegments } from './format';
import './cookies-by-hop.css';

export function HeadersTable({ headers, label }: { headers: Array<[string, string]>; label: string }) {
  return (
    <table className="ui-table" aria-label={label}>
      <thead>
        <tr>
          <th>Name</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([n, v], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: headers repeat; position is the identity
          <tr key={i}>
            <td className="mono response-header-name">{n}</td>
            <td className="mono">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SOURCE_LABEL: Record<SentCookie['source'], string> = {
  jar: 'jar',
  request: 'request',
  header: 'Cookie header',
};

export function SentCookiesTable({ cookies, label }: { cookies: SentCookie[]; label: string }) {
  if (cookies.length === 0) return <p className="ui-note response-none">No cookies were sent.</p>;
  return (
    <CookieTableFrame label={label} columns={['Source']}>
      {cookies.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same name may go out twice
        <tr key={i}>
          <td className="mono cookie-cell-name">{c.name}</td>
          <td className="mono">
            <CookieValue name={c.name} value={c.value} />
          </td>
          <td>
            <span className={`ui-badge response-source-${c.source}`}>{SOURCE_LABEL[c.source]}</span>
          </td>
        </tr>
      ))}
    </CookieTableFrame>
  );
}

/** A cookie table: Name, Value, then `columns`, over the given rows. */
function CookieTableFrame({
  label,
  columns,
  children,
}: {
  label: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <table className="ui-table cookie-table" aria-label={label}>
      <thead>
        <tr>
          {['Name', 'Value', ...columns].map((c) => (
            <th key={c}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

const yes = (b: boolean | undefined) => (b ? '✓' : '');

const SET_COLUMNS = ['Domain', 'Path', 'Expires', 'Secure', 'HttpOnly', 'SameSite', 'Outcome'];

export function SetCookiesTable({ records, label }: { records: SetCookieRecord[]; label: string }) {
  if (records.length === 0) return <p className="ui-note response-none">No cookies were set.</p>;
  return (
    <CookieTableFrame label={label} columns={SET_COLUMNS}>
      {records.map((r, i) => {
        const c = r.cookie;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a response may set the same name twice
          <tr key={i} title={r.raw}>
            <td className="mono cookie-cell-name">{setCookieName(r)}</td>
            <td className="mono">{c ? <CookieValue name={c.name} value={c.value} /> : ''}</td>
            <td className="mono cookie-cell-nowrap">{c ? `${c.hostOnly ? '' : '.'}${c.domain}` : ''}</td>
            <td className="mono cookie-cell-nowrap">{c?.path ?? ''}</td>
            <td className="mono cookie-cell-nowrap">{c ? (c.expires ?? 'session') : ''}</td>
            <td>{yes(c?.secure)}</td>
            <td>{yes(c?.httpOnly)}</td>
            <td>{c?.sameSite ?? ''}</td>
            <td className="cookie-cell-outcome">
              <span className={`ui-badge ui-badge-${outcomeTone(r.outcome)}`}>{r.outcome}</span>
              {r.reason && <span className="response-reason"> {r.reason}</span>}
            </td>
          </tr>
        );
      })}
    </CookieTableFrame>
  );
}

/** A cookie value, elided when long: the whole value on hover, and a copy button. */
function CookieValue({ name, value }: { name: string; value: string }) {
  if (value === '') return <span className="cookie-value-empty">(empty)</span>;
  return (
    <span className="cookie-value">
      <span className="cookie-value-text" title={value}>
        {value}
      </span>
      <CopyButton text={value} label={`Copy value of ${name}`} />
    </span>
  );
}

/**
 * The Cookies tab: what went out and what came back on every hop, each group headed by its
 * number, method and URL (a cookie sent on hop 2 of a redirect is listed under hop 2). A single
 * hop keeps the plain table names "Sent cookies" / "Set cookies"; with redirects each table is
 * named after its hop ("Sent cookies, hop 2").
 */
export function CookiesByHop({
  response,
  focus,
}: {
  response: ResponseRecord;
  /** The hop (0-based) to mark and scroll to: the one whose Set-Cookie set `cookie` in the jar. */
  focus?: { hop: number; cookie: string } | null;
}) {
  const many = response.hops.length > 1;
  const marked = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focus) marked.current?.scrollIntoView?.({ block: 'nearest' });
  }, [focus]);
  return (
    <div className="cookie-hops">
      {response.hops.map((h, i) => {
        const n = i + 1;
        const suffix = many ? `, hop ${n}` : '';
        const mark = focus?.hop === i;
        return (
          <section
            // biome-ignore lint/suspicious/noArrayIndexKey: hops are ordered
            key={i}
            ref={mark ? marked : undefined}
            className={mark ? 'cookie-hop cookie-hop-focus' : 'cookie-hop'}
            aria-label={`Hop ${n}: ${h.method} ${h.url}`}
            aria-current={mark ? 'true' : undefined}
          >
            <h3 className="cookie-hop-head">
              <span className="cookie-hop-index">Hop {n}</span>
              <span className="cookie-hop-method mono">{h.method}</span>
              <span className="cookie-hop-url mono" title={h.url}>
                {h.url}
              </span>
              {mark ? <span className="cookie-hop-mark">set {focus.cookie} in the jar</span> : null}
              <StatusPill status={h.status} statusText={h.statusText} />
            </h3>
            <h4 className="response-subhead">Sent</h4>
            <SentCookiesTable cookies={h.cookiesSent} label={`Sent cookies${suffix}`} />
            <h4 className="response-subhead">Set</h4>
            <SetCookiesTable records={h.cookiesSet} label={`Set cookies${suffix}`} />
          </section>
        );
      })}
    </div>
  );
}

export function StatusPill({ status, statusText }: { status: number; statusText?: string }) {
  return (
    <span className={`response-status response-status-${statusClass(status)}`}>
      {status}
      {statusText ? ` ${statusText}` : ''}
    </span>
  );
}

/** One row per hop: what went out, what came back, where it pointed next. */
export function HopsTimeline({ hops }: { hops: Hop[] }) {
  return (
    <ol className="response-hops" aria-label="Hops">
      {hops.map((h, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: hops are ordered
        <li key={i} className="response-hop">
          <div className="response-hop-head">
            <span className="response-hop-index">{i + 1}</span>
            <span className="response-hop-method mono">{h.method}</span>
            <span className="response-hop-url mono">{h.url}</span>
            <StatusPill status={h.status} statusText={h.statusText} />
            <span className="response-hop-time">{formatMs(h.timings.total)}</span>
          </div>
          <div className="response-hop-cookies">
            <HopChips label="Sent">
              {h.cookiesSent.map((c, j) => (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: positional
                  key={j}
                  className="response-cookie-chip mono"
                  title={`${c.name}=${c.value} (from ${SOURCE_LABEL[c.source]})`}
                >
                  {c.name}={c.value}
                </span>
              ))}
            </HopChips>
            <HopChips label="Set">
              {h.cookiesSet.map((r, j) => (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: positional
                  key={j}
                  className={`response-cookie-chip mono response-cookie-${r.outcome}`}
                  title={`${r.raw}\n${r.reason ? `${r.outcome}: ${r.reason}` : r.outcome}`}
                >
                  {setCookieName(r)}
                  {r.cookie ? `=${r.cookie.value}` : ''} · {r.outcome}
                </span>
              ))}
            </HopChips>
          </div>
          {h.location && (
            <div className="response-hop-location mono">
              <span aria-hidden="true">↳</span> Location: {h.location}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** "Sent"/"Set" and a hop's cookie chips, or "none". */
function HopChips({ label, children }: { label: string; children: ReactNode[] }) {
  return (
    <div>
      <span className="response-hop-label">{label}</span>
      {children.length === 0 ? <span className="response-hop-nothing">none</span> : children}
    </div>
  );
}

export function TimingBar({ response }: { response: ResponseRecord }) {
  const segs = timingSegments(response.timings);
  return (
    <div className="response-timing">
      <div className="response-timing-bar" role="img" aria-label="Timing breakdown">
        {segs.map((s) => (
          <span
            key={s.name}
            className={`response-timing-seg response-timing-${s.name}`}
            style={{ width: `${s.pct}%` }}
          />
        ))}
      </div>
      <dl className="response-timing-legend">
        {segs.map((s) => (
          <div key={s.name}>
            <dt>
              <span className={`response-timing-swatch response-timing-${s.name}`} aria-hidden="true" />
              {s.name === 'waiting' ? 'Waiting (TTFB)' : s.name === 'connect' ? 'Connect' : 'Download'}
            </dt>
            <dd className="mono">{formatMs(s.ms)}</dd>
          </div>
        ))}
        <div>
          <dt>Total{response.hops.length > 1 ? ` (${response.hops.length} hops)` : ''}</dt>
          <dd className="mono">{formatMs(response.timings.total)}</dd>
        </div>
      </dl>
    </div>
  );
}
