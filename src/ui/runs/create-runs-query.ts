import { type Accessor, createMemo } from 'solid-js';
import type { SearchRunsOptions } from '../../tracking/api';
import type { Run } from '../../tracking/entities';
import { SEARCH_MAX_RESULTS_THRESHOLD } from '../../tracking/search';
import { client } from '../client';
import { createLiveQuery, type LiveQuery } from '../primitives/create-live-query';

export interface RunsQuery {
  experimentIds: string[];
  options: SearchRunsOptions;
}

/**
 * Every run a search matches, as a live query: pages of MLflow's maximum size (50,000) through
 * `client.searchRuns`, re-run whenever a run of these experiments changes in any tab or worker. The source is
 * compared by value, so re-renders that rebuild an equal query do not re-search.
 */
export function createRunsQuery(query: Accessor<RunsQuery>): LiveQuery<Run[]> {
  const source = createMemo(query, undefined, { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  return createLiveQuery(source, async ({ experimentIds, options }) => {
    const first = await client.searchRuns(experimentIds, { ...options, maxResults: SEARCH_MAX_RESULTS_THRESHOLD });
    if (!first.nextPageToken) return first.items;
    const runs = first.items.slice();
    let pageToken: string | undefined = first.nextPageToken;
    while (pageToken) {
      const page = await client.searchRuns(experimentIds, { ...options, maxResults: SEARCH_MAX_RESULTS_THRESHOLD, pageToken });
      for (const r of page.items) runs.push(r);
      pageToken = page.nextPageToken;
    }
    return runs;
  });
}
