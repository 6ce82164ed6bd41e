import type { Check } from '../../../../main/shared/checks';
import { useCollectionsStore } from '../collections/store';
import { useRequestStore } from '../request/store';

const NONE: Check[] = [];

/** The checks of the saved request the active tab edits (none for an unsaved request). */
export function useSavedChecks(): Check[] {
  const origin = useRequestStore((s) => s.origin);
  return useCollectionsStore(
    (s) =>
      (origin && s.byId[origin.collectionId]?.requests.find((r) => r.id === origin.requestId)?.checks) ??
      NONE,
  );
}
