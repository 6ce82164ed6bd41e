import { z } from 'zod';
import { profileName } from '../shared/schemas';
import type { Collection, HistoryEntry } from '../shared/types';
import { collectionMoveArgs, type WorkbenchRead, workbenchSchema } from '../shared/workbench';
import { channel, none } from './channel';

/** The app's open tabs, drafts and layout, kept in the workspace (`tabs.json`). */
export const workbenchChannels = {
  'tabs.get': channel<WorkbenchRead>()(() => none),
  'tabs.save': channel<{ saved: true }>()(() => z.object({ state: workbenchSchema })),
  /** One history entry with its kept response (`history.list` leaves responses out). */
  'history.get': channel<HistoryEntry>()(() =>
    z.object({ profile: profileName, id: z.string().min(1).max(100) }),
  ),
  /** Drag and drop in the sidebar: moves a request or a folder inside a collection. */
  'collections.move': channel<Collection>()(() => collectionMoveArgs),
};
