import type { Handlers } from '../../contract';
import { attempt } from '../../shared/errors';
import type { Workspace } from '../workspace';

/** settings.get and settings.update; an update emits `settings.changed` to every window. */
export function settingsHandlers(ws: Workspace): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => attempt(() => ws.settings.get()),
    'settings.update': (a) =>
      attempt(async () => {
        const next = await ws.settings.update(a.patch);
        ws.events.emit('settings.changed', {});
        return next;
      }),
  };
}
