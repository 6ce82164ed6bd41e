import { useEffect, useState } from 'react';
import { countdown, type DecodedCookie, decodeCookieValue } from '../../../../main/shared/cookieDecode';
import { describeSource, type JarCookie } from '../../../../main/shared/cookieInfo';
import type { CookieView } from '../../../../main/shared/types';
import { Modal } from '../../components/Modal';
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
            <span className="cdetails-kind">{describeSource(source)}</span>
            <span className="cdetails-faint"> · {source.at ? when(source.at) : 'unknown time'}</span>
          </p>
          {source.request ? (
            <p className="cdetails-faint mono">
              history entry {source.request}
              {source.hop !== undefined ? `, hop ${source.hop}` : ''}
            </p>
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
