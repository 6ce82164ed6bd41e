import type { EventSubscriber } from '../shared/events';
import { dispatch } from './dispatch';
import type { Bridge, Handlers } from './index';

/** A Bridge that calls a core in the same process: used by component tests and the CLI. Same validation as IPC/HTTP. */
export function localBridge(core: Handlers & { events: EventSubscriber }): Bridge {
  return {
    invoke: (channel, args) => dispatch(core, channel, args) as ReturnType<Bridge['invoke']>,
    subscribe: (event, listener) => core.events.on(event, listener),
  };
}
