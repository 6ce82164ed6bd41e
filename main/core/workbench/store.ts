import { attempt, TandemFailure } from '../../shared/errors';
import {
  type CollectionMoveArgs,
  emptyWorkbench,
  type Workbench,
  type WorkbenchRead,
  workbenchSchema,
} from '../../shared/workbench';
import { readJsonFile, writeJsonFile } from '../store/files';
import { layout } from '../store/paths';
import type { WriteQueue } from '../store/queue';
import type { Workspace } from '../workspace';

/**
 * The app's open tabs and drafts: `<dataDir>/tabs.json`, written atomically (temp file + rename)
 * through the workspace write queue. Saves that arrive while one is being written collapse into
 * one write of the newest state, so a burst of keystrokes costs at most two writes.
 */
export class WorkbenchStore {
  private next: Workbench | null = null;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly queue: WriteQueue,
  ) {}

  async get(): Promise<WorkbenchRead> {
    await this.writing;
    try {
      const found = await readJsonFile(
        this.dataDir,
        layout.tabs(this.dataDir),
        (raw) => workbenchSchema.safeParse(raw).data ?? null,
        'tabs file',
      );
      return found ?? emptyWorkbench();
    } catch (e) {
      // A damaged file is moved aside (kept for the user); the app starts with no tabs.
      if (e instanceof TandemFailure && e.code === 'STORE_CORRUPT')
        return { ...emptyWorkbench(), notice: e.message };
      throw e;
    }
  }

  save(state: Workbench): Promise<{ saved: true }> {
    this.next = state;
    if (!this.writing) {
      this.writing = this.queue
        .run(async () => {
          while (this.next) {
            const value = this.next;
            this.next = null;
            await writeJsonFile(layout.tabs(this.dataDir), value);
          }
        })
        .finally(() => {
          this.writing = null;
        });
    }
    const mine = this.writing;
    return mine.then(() => ({ saved: true as const }));
  }
}

/** The `tabs.*` channels' handlers, and `collections.move` (the sidebar's drag and drop). */
export function workbenchHandlers(
  store: WorkbenchStore,
  ws: Pick<Workspace, 'collections' | 'events' | 'history'>,
) {
  return {
    'history.get': (a: { profile: string; id: string }) => attempt(() => ws.history.get(a.profile, a.id)),
    'collections.move': (a: CollectionMoveArgs) =>
      attempt(async () => {
        const moved = await ws.collections.move(a.collectionId, a.item, a.to);
        ws.events.emit('collections.changed', { id: moved.id });
        return moved;
      }),
    'tabs.get': () => attempt(() => store.get()),
    'tabs.save': (a: { state: Workbench }) => attempt(() => store.save(a.state)),
  };
}
