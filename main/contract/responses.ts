import { z } from 'zod';
import type { SavedBody } from '../shared/limits';
import { channel } from './channel';

/**
 * Responses after they arrived. A body larger than the in-memory cap (`settings.maxBodyMb`) comes
 * back truncated (`ResponseRecord.truncated`); while `truncated.spooled` is true its full body is in
 * the workspace's spool and `response.saveBody` writes it (decompressed) to a file in bounded memory.
 * The spool keeps the last few bodies of each running core and is emptied when the core closes.
 */
export const responsesChannels = {
  'response.saveBody': channel<SavedBody>()(() =>
    z.object({
      /** ResponseRecord.id of the truncated response. */
      responseId: z.string().min(1).max(100),
      /** Absolute path of the file to write (replaced if it exists). */
      path: z.string().min(1).max(4096),
    }),
  ),
};
