import { client } from '../client';

const HOVER_MS = 120;
const warmed = new Set<string>();

/**
 * Starts reading an experiment's runs when the pointer rests on (or focus reaches) its link, so the tracking
 * client's run cache is warm by the time the click lands: the runs table then opens without waiting for
 * IndexedDB. Once per experiment per page load; a pointer that only passes over the link costs nothing.
 * Returns the handlers to spread on the link.
 */
export function prefetchRunsOn(experimentId: string): { onPointerEnter: () => void; onPointerLeave: () => void; onFocus: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const warm = () => {
    if (warmed.has(experimentId)) return;
    warmed.add(experimentId);
    // A one-run page still loads every run row into the cache; the result itself is not needed.
    client.searchRuns([experimentId], { maxResults: 1 }).catch(() => warmed.delete(experimentId));
  };
  return {
    onPointerEnter: () => {
      clearTimeout(timer);
      timer = setTimeout(warm, HOVER_MS);
    },
    onPointerLeave: () => clearTimeout(timer),
    onFocus: warm,
  };
}
