import { create } from 'zustand';
import type { CodeTarget } from '../../../../main/shared/interop';

/** Which interop dialog is open, and the note a pasted curl command leaves under the URL bar. View state only. */
export type CurlNotice =
  | { kind: 'read'; name: string; command: string; cookies: number; notes: string[] }
  | { kind: 'error'; message: string };

interface InteropState {
  importOpen: boolean;
  curlOpen: boolean;
  copyTarget: CodeTarget | null;
  notice: CurlNotice | null;
  setImportOpen(open: boolean): void;
  setCurlOpen(open: boolean): void;
  setCopyTarget(target: CodeTarget | null): void;
  setNotice(notice: CurlNotice | null): void;
}

export const useInteropStore = create<InteropState>()((set) => ({
  importOpen: false,
  curlOpen: false,
  copyTarget: null,
  notice: null,
  setImportOpen: (importOpen) => set({ importOpen }),
  setCurlOpen: (curlOpen) => set({ curlOpen }),
  setCopyTarget: (copyTarget) => set({ copyTarget }),
  setNotice: (notice) => set({ notice }),
}));
