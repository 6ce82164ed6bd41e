import { useEffect, useState } from 'react';
import { countdown, type DecodedCookie, decodeCookieValue } from '../../../../main/shared/cookieDecode';
import { type CookieSource, describeSource, type JarCookie } from '../../../../main/shared/cookieInfo';
import type { CookieView } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
import { openCookieSource } from '../history/open';
import { displayDomain } from './model';
import './cookieDetails.css';

export interface CookieDetailsProps {
  profile: string;
  cookie: CookieView | null;
  onOpenChange(open: boolean): void;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) || d.getTime() === 0 ? 'unknown time' : d.toLocaleString();
}

/** Ticks once a second while shown (for the expiry countdown). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="cdetails-json">
      <div className="cdetails-sub">{label}</div>
      <pre className="mono">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

function Decoded({ d, now }: { d: DecodedCookie; now: number }) {
  return (
    <section className="cdetails-section" aria-label="Decoded value">
      <h3 className="cdetails-h">
        Decoded <span className="cdetails-kind">{d.label}</span>
        <span className="cdetails-faint"> · read only, signature not checked</span>
      </h3>
      {d.expiresAt ? (
        <p className={Date.parse(d.expiresAt) < now ? 'cdetails-expired' : 'cdetails-live'}>
          {countdown(d.expiresAt, now)} ({when(d.expiresAt)})
        </p>
      ) : null}
      {d.signedAt ? <p className="cdetails-faint">Signed {when(d.signedAt)}</p> : null}
      <div className="cdetails-jsons">
        {d.header ? <Json label="Header" value={d.header} /> : null}
        <Json label="Payload" value={d.payload} />
      </div>
    </section>
  );
}

/**
 * The send that set the cookie, as a link: it opens that history entry in a tab, its response on
 * the Cookies tab at the hop that set it. When the entry is gone it says so, in one line.
 */
function SourceLink({
  profile,
  cookie,
  source,
  onOpened,
}: {
  profile: string;
  cookie: string;
  source: CookieSource & { request: string };
  onOpened(): void;
}) {
  const [gone, setGone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new source clears the old answer
  useEffect(() => setGone(null), [source.request]);
  const hop = source.hop !== undefined ? `hop ${source.hop + 1}` : '';
  const open = async () => {
    setBusy(true);
    const res = await openCookieSource(profile, cookie, source);
    setBusy(false);
    if (res.ok) onOpened();
    else
      setGone(
        res.error.code === 'NOT_FOUND'
          ? `That send is not in ${profile}'s history: cleared, past the history cap, or sent within a run.`
          : res.error.message,
      );
  };
  return (
    <>
      <p className="cdetails-source">
        <button
          type="button"
          className="cdetails-link"
          aria-label={`Open the send that set it: history entry ${source.request.slice(0, 8)}${hop ? `, ${hop}` : ''}`}
          title="Open this send in a tab: its request, and its response at the hop that set the cookie"
          disabled={busy}
          onClick={() => void open()}
        >
          Open send <span className="mono">{source.request.slice(0, 8)}</span>
          {hop ? `, ${hop}` : ''}
        </button>
        {source.url ? (
          <span className="cdetails-faint mono cdetails-url" title={source.url}>
            {source.url}
          </span>
        ) : null}
      </p>
      {gone ? (
        <p className="cdetails-gone" role="status">
          {gone}
        </p>
      ) : null}
    </>
  );
}

/** One jar cookie in full: where it came from, its last values, what it decodes to, and lint. */
export function CookieDetails({ profile, cookie, onOpenChange }: CookieDetailsProps) {
  const jc = cookie as JarCookie | null;
  const [decoded, setDecoded] = useState<DecodedCookie | null>(null);
  const now = useNow(Boolean(decoded?.expiresAt));
  useEffect(() => {
    let live = true;
    setDecoded(null);
    if (jc) void decodeCookieValue(jc.value).then((d) => live && setDecoded(d));
    return () => {
      live = false;
    };
  }, [jc]);
  if (!jc) return <Modal open={false} onOpenChange={onOpenChange} title="Cookie" />;
  const source = jc.source ?? { kind: 'unknown', at: '' };
  return (
    <Modal
      open
      onOpenChange={onOpenChange}
      title={`Cookie ${jc.name}`}
      description={`${displayDomain(jc)}${jc.path} in ${profile}'s jar`}
      size="lg"
    >
      <div className="cdetails">
        <section className="cdetails-section" aria-label="Value">
          <h3 className="cdetails-h">Value</h3>
          <pre className="cdetails-raw mono">{jc.value || '(empty)'}</pre>
        </section>
        {decoded ? <Decoded d={decoded} now={now} /> : null}
        {jc.warnings?.length ? (
          <section className="cdetails-section" aria-label="Warnings">
            <h3 className="cdetails-h">Warnings</h3>
            <ul className="cdetails-warnings">
              {jc.warnings.map((w) => (
                <li key={w.code}>{w.message}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section className="cdetails-section" aria-label="Source">
          <h3 className="cdetails-h">Source</h3>
          <p>
            <span className="cdetails-kind">
              {source.kind === 'request' ? 'Set-Cookie of a response' : describeSource(source)}
            </span>
            <span className="cdetails-faint"> · {source.at ? when(source.at) : 'unknown time'}</span>
          </p>
          {source.kind === 'request' && source.request ? (
            <SourceLink
              profile={profile}
              cookie={jc.name}
              source={{ ...source, request: source.request }}
              onOpened={() => onOpenChange(false)}
            />
          ) : null}
        </section>
        {jc.values?.length ? (
          <section className="cdetails-section" aria-label="Last values">
            <h3 className="cdetails-h">Last values</h3>
            <table className="cdetails-values">
              <tbody>
                {jc.values.map((v) => (
                  <tr key={`${v.at}\t${v.kind}\t${v.value}`}>
                    <td className="mono cdetails-value" title={v.value}>
                      {v.value || '(empty)'}
                    </td>
                    <td className="cdetails-faint">{v.kind}</td>
                    <td className="cdetails-faint">{when(v.at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
      </div>
    </Modal>
  );
}
