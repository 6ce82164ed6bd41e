import { z } from 'zod';
import { checkSchema } from '../shared/checks';
import { type MatrixFile, matrixFileSchema, matrixName } from '../shared/matrixFile';
import type { SavedRequest } from '../shared/types';
import { channel, collectionId, none } from './channel';

/** A saved request's checks, and saved matrices (`<dataDir>/matrices/<name>.json`). */
export const assertionChannels = {
  /** Replaces the checks of one saved request. */
  'collections.setChecks': channel<SavedRequest>()(() =>
    z.object({ collectionId, requestId: z.string().min(1), checks: z.array(checkSchema).max(100) }),
  ),
  'matrices.list': channel<MatrixFile[]>()(() => none),
  /** Creates or replaces a saved matrix (its whole file). */
  'matrices.save': channel<MatrixFile>()(() => z.object({ matrix: matrixFileSchema })),
  'matrices.delete': channel<{ deleted: string }>()(() => z.object({ name: matrixName })),
};
