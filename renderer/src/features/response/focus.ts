import { create } from 'zustand';

/**
 * A place in a response to show first: the Cookies tab, at the hop (0-based, as a cookie's source
 * records it) whose Set-Cookie set `cookie`. Set when a cookie's source opens the send behind it;
 * the response pane whose response has `responseId` (its history id) follows it.
 */
export interface ResponseFocus {
  responseId: string;
  hop: number;
  cookie: string;
}

export const useResponseFocus = create<{ focus: ResponseFocus | null; set(f: ResponseFocus | null): void }>()(
  (set) => ({
    focus: null,
    set: (focus) => set({ focus }),
  }),
);
