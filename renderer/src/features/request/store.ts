import { create } from 'zustand';
import type { RequestSpec, ResponseRecord, TandemError } from '../../../../main/shared/types';
import { api, subscribe } from '../../api';

export interface RequestOrigin {
  collectionId: string;
  requestId: string;
  name: string;
}

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

export interface RequestState {
  draft: RequestSpec;
  /** Where the draft came from when opened from a collection; null for a new request. */
  origin: RequestOrigin | null;
  /** Bumped each time another request is opened (editors key their local state on it). */
  revision: number;
  /** Sends under way, by profile name. */
  inFlight: Record<string, InFlight>;
  /** Last outcome of this request per profile (cleared when another request is opened). */
  responses: Record<string, SendOutcome>;
  openRequest(spec: RequestSpec, origin?: RequestOrigin | null): void;
  /** Replaces parts of the draft. */
  setDraft(patch: Partial<RequestSpec>): void;
  /** Sends the current draft as the profile. Never throws; the outcome lands in `responses`. */
  send(profile: string): Promise<SendOutcome | null>;
  /** Cancels the profile's send under way, if any. */
  cancel(profile: string): Promise<void>;
}

export function emptyRequest(): RequestSpec {
  return { method: 'GET', url: '', headers: [], body: { type: 'none' } };
}

function newSendId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `send-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** Bumped when another request is opened, so late answers for the old one are dropped. */
let generation = 0;

export const useRequestStore = create<RequestState>()((set, get) => ({
  draft: emptyRequest(),
  origin: null,
  revision: 0,
  inFlight: {},
  responses: {},

  openRequest(spec, origin = null) {
    generation++;
    for (const [profile] of Object.entries(get().inFlight)) void get().cancel(profile);
    set((s) => ({
      draft: structuredClone(spec),
      origin,
      responses: {},
      inFlight: {},
      revision: s.revision + 1,
    }));
  },

  setDraft(patch) {
    set((s) => ({ draft: { ...s.draft, ...patch } }));
  },

  async send(profile) {
    if (!profile || get().inFlight[profile]) return null;
    const gen = generation;
    const sendId = newSendId();
    const request = get().draft;
    set((s) => ({
      inFlight: { ...s.inFlight, [profile]: { sendId, startedAt: Date.now(), progress: null } },
    }));
    const res = await api['request.send']({ profile, request, sendId });
    if (gen !== generation) return null;
    const outcome: SendOutcome = res.ok
      ? { kind: 'response', response: res.value }
      : { kind: 'error', error: res.error, at: new Date().toISOString() };
    set((s) => {
      const { [profile]: _done, ...inFlight } = s.inFlight;
      return { inFlight, responses: { ...s.responses, [profile]: outcome } };
    });
    return outcome;
  },

  async cancel(profile) {
    const f = get().inFlight[profile];
    if (!f) return;
    // The core only knows a sendId once it has started the send; a very quick cancel may
    // arrive first, so ask again (briefly) while this send is still the one under way.
    for (let attempt = 0; attempt < 50; attempt++) {
      const res = await api['request.cancel']({ sendId: f.sendId });
      if (!res.ok || res.value.cancelled || get().inFlight[profile]?.sendId !== f.sendId) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  },
}));

/** Follows `request.progress` events for sends under way. Returns the unsubscribe. */
export function startRequestSync(): () => void {
  return subscribe('request.progress', (p) => {
    useRequestStore.setState((s) => {
      const entry = Object.entries(s.inFlight).find(([, f]) => f.sendId === p.sendId);
      if (!entry) return s;
      const [profile, f] = entry;
      return {
        inFlight: {
          ...s.inFlight,
          [profile]: { ...f, progress: { hop: p.hop, url: p.url, status: p.status } },
        },
      };
    });
  });
}
