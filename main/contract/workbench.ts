import { z } from 'zod';
import type { Collection } from '../shared/types';
import { collectionMoveArgs, type WorkbenchRead, workbenchSchema } from '../shared/workbench';
import { channel, none } from './channel';

/** The app's open tabs, drafts and layout, kept in the workspace (`tabs.json`). */
export const workbenchChannels = {
  'tabs.get': channel<WorkbenchRead>()(none),
  'tabs.save': channel<{ saved: true }>()(z.object({ state: workbenchSchema })),
  /** Drag and drop in the sidebar: moves a request or a folder inside a collection. */
  'collections.move': channel<Collection>()(collectionMoveArgs),
};
