import type { CurlConversion } from '../../../../main/shared/interop';
import type { RequestSpec } from '../../../../main/shared/types';
import { api } from '../../api';
import { useRequestStore } from '../request/store';

/** Asks the core to read a curl command; with `cookiesTo`, its -b cookies go into that profile's jar. */
export async function readCurl(
  command: string,
  cookiesTo?: string,
): Promise<
  { ok: true; value: CurlConversion & { cookiesImported: number } } | { ok: false; message: string }
> {
  const r = await api['interop.curl']({ command, ...(cookiesTo ? { cookiesTo } : {}) });
  return r.ok ? r : { ok: false, message: r.error.message };
}

/** The whole request replaces the active tab's draft (fields the command does not set are cleared). */
export function replaceDraft(request: RequestSpec): void {
  const cleared: Partial<RequestSpec> = { auth: undefined, cookies: undefined, options: undefined };
  useRequestStore.getState().setDraft({ ...cleared, ...request });
}
