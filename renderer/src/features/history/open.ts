import type { CookieSource } from '../../../../main/shared/cookieInfo';
import type { HistoryEntry, Result } from '../../../../main/shared/types';
import { useCollectionsStore } from '../collections/store';
import { useProfilesStore } from '../profiles/store';
import { useRequestStore } from '../request/store';
import type { SendOutcome } from '../request/tabs';
import { useResponseFocus } from '../response/focus';
import { splitUrl } from './format';
import { fetchEntry } from './store';

/** The name of the saved request an entry was sent from, while it still exists. */
export function savedName(e: Pick<HistoryEntry, 'requestId'>): string | undefined {
  if (!e.requestId) return undefined;
  const { byId, ids } = useCollectionsStore.getState();
  for (const id of ids) {
    const r = byId[id]?.requests.find((x) => x.id === e.requestId);
    if (r) return r.name;
  }
  return undefined;
}

/**
 * Opens a history entry in a tab of its own: its request, and its stored response shown as its
 * profile (which becomes the active one). The response is read from the core (`history.get`).
 * Returns the tab's id.
 */
export function openHistoryEntry(e: HistoryEntry): string {
  const title = savedName(e) ?? `${e.method} ${splitUrl(e.url).path}`;
  const outcome: SendOutcome | undefined = e.error
    ? { kind: 'error', error: e.error, at: e.at }
    : e.response
      ? { kind: 'response', response: e.response }
      : undefined;
  const tabId = useRequestStore.getState().openRequest(e.request, null, {
    title,
    baseline: e.request,
    ...(outcome ? { response: { profile: e.profile, outcome } } : {}),
    ...(e.hasResponse || e.response ? { lastSent: { [e.profile]: { historyId: e.id, at: e.at } } } : {}),
  });
  const profiles = useProfilesStore.getState();
  if (profiles.profiles[e.profile]) profiles.setActive(e.profile);
  if (!outcome) void loadResponse(tabId, e.profile, e.id);
  return tabId;
}

/**
 * Opens the send that set a jar cookie (its source, kind "request") the way the history list opens
 * an entry, with the response on its Cookies tab at the hop that set it. A tab already showing
 * that send is brought forward instead (one holding its response does even once history lost it).
 * Otherwise answers the core's one-line error when the entry is gone (history cleared, past its
 * cap, or the send was a step of a run).
 */
export async function openCookieSource(
  profile: string,
  cookie: string,
  source: Pick<CookieSource, 'request' | 'hop'>,
): Promise<Result<string>> {
  const id = source.request ?? '';
  /** A tab whose last send as the profile is this one (holding its response, when `loaded`). */
  const showing = (loaded: boolean) => {
    const { order, tabs } = useRequestStore.getState();
    return order.find(
      (t) => tabs[t]?.lastSent[profile]?.historyId === id && (!loaded || tabs[t]?.responses[profile]),
    );
  };
  let open = showing(true);
  let entry: HistoryEntry | null = null;
  if (!open) {
    const res = await fetchEntry(profile, id);
    if (!res.ok) return res;
    entry = res.value;
    open = showing(false);
  }
  useResponseFocus
    .getState()
    .set(source.hop !== undefined ? { responseId: id, hop: source.hop, cookie } : null);
  if (!open && entry) return { ok: true, value: openHistoryEntry(entry) };
  if (!open) return { ok: true, value: useRequestStore.getState().activeId };
  useRequestStore.getState().activate(open);
  const profiles = useProfilesStore.getState();
  if (profiles.profiles[profile]) profiles.setActive(profile);
  return { ok: true, value: open };
}

/** Fills a tab's response for a profile from history (after a restart, or an entry just opened). */
export async function loadResponse(tabId: string, profile: string, historyId: string): Promise<void> {
  const res = await fetchEntry(profile, historyId);
  const { updateTab } = useRequestStore.getState();
  updateTab(tabId, (t) => {
    if (t.responses[profile] || t.lastSent[profile]?.historyId !== historyId) return {};
    if (res.ok && res.value.response)
      return { responses: { ...t.responses, [profile]: { kind: 'response', response: res.value.response } } };
    // gone from history (cleared, or over the cap): nothing to show, so stop waiting for it
    const { [profile]: _gone, ...lastSent } = t.lastSent;
    return { lastSent };
  });
}
