import type { EventMap, EventName, EventSubscriber } from '../shared/events';

export type EventListener<E extends EventName> = (payload: EventMap[E]) => void;

/** A tiny typed event bus. Every subscription returns its unsubscribe. */
export class EventBus implements EventSubscriber {
  private readonly listeners = new Map<EventName, Set<(p: unknown) => void>>();

  on<E extends EventName>(name: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    const l = listener as (p: unknown) => void;
    set.add(l);
    return () => {
      set.delete(l);
    };
  }

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const l of this.listeners.get(name) ?? []) l(payload);
  }
}
