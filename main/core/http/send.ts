// PLACEHOLDER: the engine helper replaces this file. Signature is fixed.

import type { ProfileJar } from '../cookies/jar';
import { fail } from '../errors';
import type { Hop, Profile, RequestSpec, ResponseRecord, Settings } from '../types';

export interface SendContext {
  profile: Profile;
  /** The profile's jar. Read and written only when the cookie store is on for this request. */
  jar: ProfileJar;
  settings: Settings;
  signal?: AbortSignal;
  /** Called as each hop completes (for progress in the UI). */
  onHop?: (hop: Hop, index: number) => void;
}

/** Sends a request as a profile. Throws TandemFailure (code + one-line message) on failure. */
export async function send(_spec: RequestSpec, _ctx: SendContext): Promise<ResponseRecord> {
  fail('INTERNAL', 'engine not built yet');
}
