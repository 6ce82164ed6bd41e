import { diffResponses } from '../../shared/diff';
import { fail, toTandemError } from '../../shared/errors';
import type { MatrixRequest } from '../../shared/matrix';
import type { Comparison, ComparisonResult, RequestSpec, ResponseRecord } from '../../shared/types';

/** Sends a request as one profile (its own jar, variables and headers); the facade passes its `request.send`. */
export type SendAs = (
  profile: string,
  spec: RequestSpec,
  signal: AbortSignal,
  /** The matrix row, when the request is a saved one (its id and extraction rules). */
  row?: MatrixRequest,
) => Promise<ResponseRecord>;

/** Checks a list of profiles to compare or run: 1–`max` names, none twice. */
export function checkProfiles(profiles: readonly string[], min: number, max: number): void {
  if (profiles.length < min || profiles.length > max)
    fail('INVALID_ARGUMENT', `Choose ${min} to ${max} profiles (got ${profiles.length})`);
  const seen = new Set<string>();
  for (const p of profiles) {
    if (seen.has(p)) fail('INVALID_ARGUMENT', `Profile '${p}' is listed twice`);
    seen.add(p);
  }
}

/**
 * Sends the same request as every profile at once, then summarizes how the responses differ.
 * A profile whose send fails gets `error` instead of `response`; the comparison still completes.
 */
export async function compareProfiles(
  spec: RequestSpec,
  profiles: readonly string[],
  sendAs: SendAs,
  signal?: AbortSignal,
): Promise<Comparison> {
  checkProfiles(profiles, 2, 10);
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const results = await Promise.all(
      profiles.map(async (profile): Promise<ComparisonResult> => {
        try {
          return { profile, response: await sendAs(profile, spec, controller.signal), error: null };
        } catch (e) {
          return { profile, response: null, error: toTandemError(e) };
        }
      }),
    );
    return { request: spec, results, diff: diffResponses(results) };
  } finally {
    signal?.removeEventListener('abort', abort);
  }
}
