import type { Check } from '../../../../main/shared/checks';
import { renameKey } from '../../../../main/shared/profileRename';
import type { ExtractRule } from '../../../../main/shared/sessions';
import type { Comparison, RequestSpec, ResponseRecord, TandemError } from '../../../../main/shared/types';
import type { EditorPane, TabOrigin, Workbench, WorkbenchTab } from '../../../../main/shared/workbench';

/** Pure decisions about request tabs: what a tab holds, when it is unsaved, which pane it opens on. */

export type RequestOrigin = TabOrigin;

/** What the last send of this request as one profile produced. */
export type SendOutcome =
  | { kind: 'response'; response: ResponseRecord }
  | { kind: 'error'; error: TandemError; at: string };

export interface InFlight {
  sendId: string;
  startedAt: number;
  /** Latest progress from the core: which hop is under way. */
  progress: { hop: number; url: string; status: number | null } | null;
}

/** A side-by-side comparison, owned by the tab that ran it. */
export interface CompareSlot {
  /** The response area shows the comparison instead of the single response. */
  open: boolean;
  comparison: Comparison | null;
  running: { compareId: string; profiles: string[] } | null;
  error: TandemError | null;
}

export interface Tab {
  id: string;
  draft: RequestSpec;
  origin: RequestOrigin | null;
  /** What the draft is compared to for the unsaved dot; null: a new request (compared to an empty one). */
  baseline: RequestSpec | null;
  /** Shown for tabs outside a collection (e.g. opened from history). */
  title?: string;
  pane?: EditorPane;
  /** Bumped when the draft is replaced from outside (editors key their local state on it). */
  revision: number;
  /** Sends under way, by profile name. */
  inFlight: Record<string, InFlight>;
  /** Last outcome of this request per profile. */
  responses: Record<string, SendOutcome>;
  /** History entries of the last responses per profile (kept in the workspace, reloaded after a restart). */
  lastSent: Record<string, { historyId: string; at: string }>;
  compare: CompareSlot;
  /** Extraction rules being edited (absent: the saved request's, untouched); `saved` is what they are compared to. */
  extract?: { rules: ExtractRule[]; saved: ExtractRule[] };
  /** Checks being edited (absent: the saved request's, untouched); `saved` is what they are compared to. */
  checks?: { rows: Check[]; saved: Check[] };
}

export function emptyRequest(): RequestSpec {
  return { method: 'GET', url: '', headers: [], body: { type: 'none' } };
}

export const emptyCompare = (): CompareSlot => ({
  open: false,
  comparison: null,
  running: null,
  error: null,
});

export function newId(prefix: string): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function makeTab(
  spec: RequestSpec,
  opts: { origin?: RequestOrigin | null; baseline?: RequestSpec | null; title?: string } = {},
): Tab {
  const draft = structuredClone(spec);
  return {
    id: newId('tab'),
    draft,
    origin: opts.origin ?? null,
    baseline: opts.baseline === undefined ? (opts.origin ? structuredClone(spec) : null) : opts.baseline,
    ...(opts.title ? { title: opts.title } : {}),
    pane: paneFor(draft),
    revision: 0,
    inFlight: {},
    responses: {},
    lastSent: {},
    compare: emptyCompare(),
  };
}

/** A profile was renamed: the tab's last responses (and the history entries that keep them) follow it; null when it had none. */
export function renameProfileIn(
  t: Tab,
  from: string,
  to: string,
): Pick<Tab, 'responses' | 'lastSent'> | null {
  if (!Object.hasOwn(t.responses, from) && !Object.hasOwn(t.lastSent, from)) return null;
  return { responses: renameKey(t.responses, from, to), lastSent: renameKey(t.lastSent, from, to) };
}

/** A tab nobody has used yet: no saved request or title, no URL typed, nothing sent. */
export function isUntouched(t: Pick<Tab, 'origin' | 'title' | 'draft' | 'responses'>): boolean {
  return !t.origin && !t.title && t.draft.url === '' && Object.keys(t.responses).length === 0;
}

/** JSON with sorted keys and undefined dropped: two specs that mean the same give the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v as object)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

export function sameRequest(a: RequestSpec, b: RequestSpec): boolean {
  return canonical(a) === canonical(b);
}

/** A tab is unsaved when its draft differs from what was saved (or, for a new one, from an empty request). */
export function isDirty(
  tab: Pick<Tab, 'draft' | 'baseline'> & Pick<Partial<Tab>, 'extract' | 'checks'>,
): boolean {
  if (tab.extract && canonical(tab.extract.rules) !== canonical(tab.extract.saved)) return true;
  if (tab.checks && canonical(tab.checks.rows) !== canonical(tab.checks.saved)) return true;
  return !sameRequest(tab.draft, tab.baseline ?? emptyRequest());
}

/** The editor pane that has content: Body for a request with a body, then Params, Headers, Auth. */
export function paneFor(spec: RequestSpec): EditorPane {
  if (spec.body.type !== 'none') return 'body';
  if (/\?./.test(spec.url)) return 'params';
  if (spec.headers.some((h) => h.name)) return 'headers';
  if (spec.auth && spec.auth.type !== 'none') return 'auth';
  if (spec.cookies?.some((c) => c.name)) return 'cookies';
  return 'params';
}

/** "POST /login" for a request with no name. */
export function requestLabel(spec: RequestSpec): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(spec.url.trim());
  const path = m ? m[1] || '/' : spec.url.trim().replace(/^\{\{[^}]*\}\}/, '');
  return path || 'Untitled request';
}

export function tabTitle(tab: Pick<Tab, 'origin' | 'title' | 'draft'>): string {
  return tab.origin?.name ?? tab.title ?? requestLabel(tab.draft);
}

/** Moves the item at `from` to index `to` (clamped). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** The part of the tabs that is kept in the workspace. */
export function toWorkbench(
  tabs: Record<string, Tab>,
  order: string[],
  activeId: string | null,
  layout: Workbench['layout'],
): Workbench {
  const list: WorkbenchTab[] = order
    .map((id) => tabs[id])
    .filter(Boolean)
    .map((t) => ({
      id: t.id,
      draft: t.draft,
      origin: t.origin,
      baseline: t.baseline,
      ...(t.title ? { title: t.title } : {}),
      ...(t.pane ? { pane: t.pane } : {}),
      ...(Object.keys(t.lastSent).length ? { lastSent: t.lastSent } : {}),
      // The whole draft is kept: rules and checks being edited come back after a restart.
      ...(t.extract ? { extract: t.extract } : {}),
      ...(t.checks ? { checks: t.checks } : {}),
    }));
  return { tabs: list, activeId, layout: layout ?? {} };
}

export function fromWorkbench(saved: WorkbenchTab): Tab {
  return {
    id: saved.id,
    draft: saved.draft,
    origin: saved.origin,
    baseline: saved.baseline,
    ...(saved.title ? { title: saved.title } : {}),
    pane: saved.pane ?? paneFor(saved.draft),
    revision: 0,
    inFlight: {},
    responses: {},
    lastSent: saved.lastSent ?? {},
    compare: emptyCompare(),
    ...(saved.extract ? { extract: saved.extract } : {}),
    ...(saved.checks ? { checks: saved.checks } : {}),
  };
}
