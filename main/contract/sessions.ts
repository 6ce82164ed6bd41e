import { z } from 'zod';
import { profileName, requestSpecSchema } from '../shared/schemas';
import {
  type CollectionRunResult,
  collectionInputSchema,
  jarModeSchema,
  type LoginResult,
  type SendPreview,
} from '../shared/sessions';
import { channel } from './channel';

/**
 * Runs and sessions: a collection run (the CLI's `tandem run` is a thin caller), its cancel, and
 * a profile's login recipe ("Log in again", `tandem login`).
 */
export const sessionChannels = {
  /** Every request of a saved (collectionId) or inline collection, as each profile, in order. */
  'collections.run': channel<CollectionRunResult>()(() =>
    z
      .object({
        collectionId: z.string().min(1).optional(),
        collection: collectionInputSchema.optional(),
        profiles: z.array(profileName).min(1).max(50),
        iterations: z.number().int().min(1).max(1_000_000).optional(),
        /** How the run treats the profiles' jars (default copy). */
        jars: jarModeSchema.optional(),
        /** false: never re-login during this run. */
        relogin: z.boolean().optional(),
        runId: z.string().min(1).max(100).optional(),
      })
      .refine((a) => (a.collectionId === undefined) !== (a.collection === undefined), {
        message: 'give exactly one of collectionId or collection',
      }),
  ),
  'collections.cancelRun': channel<{ cancelled: boolean }>()(() => z.object({ runId: z.string().min(1) })),
  /** What a request would send as a profile (cookies sent and skipped, and why); sends and writes nothing. */
  'request.preview': channel<SendPreview>()(() =>
    z.object({ profile: profileName, request: requestSpecSchema }),
  ),
  /** Runs the profile's login recipe against its own jar. */
  'profiles.login': channel<LoginResult>()(() => z.object({ profile: profileName })),
};
