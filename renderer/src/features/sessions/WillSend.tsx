import { useEffect, useState } from 'react';
import { type SendPreview, SKIP_REASON_TEXT } from '../../../../main/shared/sessions';
import { api, subscribe } from '../../api';
import { useProfilesStore } from '../profiles/store';
import { useRequestStore } from '../request/store';
import './sessions.css';

/** How long the draft must stay still before the preview is asked for again. */
const SETTLE_MS = 250;

/**
 * Will send, live: which jar cookies the request will send as the active profile, which it will
 * not and why (path, domain, Secure over http, expired, overridden), and the per-request and
 * typed-header cookies with the one that wins. Computed by the core (`request.preview`).
 */
export function WillSend() {
  const draft = useRequestStore((s) => s.draft);
  const profile = useProfilesStore((s) => s.active);
  const [preview, setPreview] = useState<SendPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jarTick, setJarTick] = useState(0);

  useEffect(
    () =>
      subscribe('cookies.changed', (p) => {
        if (p.profile === profile) setJarTick((n) => n + 1);
      }),
    [profile],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: jarTick asks again when the jar changed
  useEffect(() => {
    if (!profile || !draft.url.trim()) {
      setPreview(null);
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api['request.preview']({ profile, request: draft }).then((res) => {
        if (!current) return;
        if (res.ok) {
          setPreview(res.value);
          setError(null);
        } else {
          setPreview(null);
          setError(res.error.message);
        }
      });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [draft, profile, jarTick]);

  if (!draft.url.trim()) return null;
  const cookieHeader = preview?.request.headers.find(([n]) => n.toLowerCase() === 'cookie')?.[1] ?? null;
  return (
    <section className="will-send" aria-label="Will send">
      <h3 className="will-send-title">
        Will send as <span className="response-profile">{profile}</span>
      </h3>
      {error && <p className="will-send-error">{error}</p>}
      {preview && (
        <>
          <p className="will-send-header mono" title="The one Cookie header this request will carry">
            {cookieHeader ? `Cookie: ${cookieHeader}` : 'No Cookie header'}
          </p>
          <ul className="will-send-list">
            {preview.cookies.send.map((c) => (
              <li key={`send-${c.source}-${c.domain}${c.path}-${c.name}`} className="will-send-row is-send">
                <span className="will-send-mark" aria-hidden="true">
                  ✓
                </span>
                <span className="mono will-send-name">{c.name}</span>
                <span className="will-send-why">
                  {c.source === 'jar'
                    ? `jar · ${c.domain}${c.path}`
                    : c.source === 'request'
                      ? 'per-request cookie'
                      : 'typed Cookie header'}
                </span>
              </li>
            ))}
            {preview.cookies.skip.map((c) => (
              <li key={`skip-${c.reason}-${c.domain}${c.path}-${c.name}`} className="will-send-row is-skip">
                <span className="will-send-mark" aria-hidden="true">
                  ✗
                </span>
                <span className="mono will-send-name">{c.name}</span>
                <span className="will-send-why">
                  <strong>{c.reason}</strong> · {SKIP_REASON_TEXT[c.reason]} ({c.domain}
                  {c.path})
                </span>
              </li>
            ))}
            {preview.cookies.send.length + preview.cookies.skip.length === 0 && (
              <li className="will-send-row is-empty">No cookies in the jar, none typed.</li>
            )}
          </ul>
        </>
      )}
    </section>
  );
}
