/** The run page's Artifacts tab: tree on the left, preview of the path in the URL on the right. */
import { useParams } from '@solidjs/router';
import { createComputed, createSignal, on, Show } from 'solid-js';
import { client } from '../client';
import { ArtifactPreview } from '../artifacts/ArtifactPreview';
import { ArtifactTree } from '../artifacts/ArtifactTree';
import { runHref } from '../components/RunLink';
import { EmptyState } from '../components/EmptyState';
import { createLiveQuery } from '../primitives/create-live-query';
import { useRun } from './RunPage';

/** The Artifacts tab; the selected path is the route's `*path`. */
export function RunArtifacts() {
  const run = useRun();
  const params = useParams<{ expId: string; runId: string; path?: string }>();
  const path = () => (params.path ?? '').split('/').filter(Boolean).map(decodeURIComponent).join('/');
  const root = createLiveQuery(() => params.runId, (id) => client.listArtifacts(id));
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  // Open the folders above the selected path, so a shared link shows where the file is.
  createComputed(on(path, (p) => {
    const parts = p.split('/');
    setExpanded((e) => {
      const n = new Set(e);
      for (let i = 1; i < parts.length; i++) n.add(parts.slice(0, i).join('/'));
      return n;
    });
  }));
  const toggle = (dir: string) =>
    setExpanded((e) => {
      const n = new Set(e);
      if (n.has(dir) && path() === dir) n.delete(dir);
      else n.add(dir);
      return n;
    });
  const base = () => `${runHref(params.expId, params.runId)}/artifacts`;
  return (
    <Show when={root()} fallback={<p class="muted loading">Loading artifacts…</p>}>
      <Show
        when={root()!.length > 0}
        fallback={<EmptyState title="No artifacts">Files logged with logArtifact, logText or logDict (models, plots, tables, logs) appear here.</EmptyState>}
      >
        <div class="artifacts">
          <nav class="artifact-tree" aria-label="Artifact files">
            <ArtifactTree runId={params.runId} base={base()} selected={path()} expanded={expanded()} onToggle={toggle} />
          </nav>
          <section class="artifact-pane" aria-label="Artifact preview">
            <ArtifactPreview runId={params.runId} runName={run().info.runName} path={path()} />
          </section>
        </div>
      </Show>
    </Show>
  );
}
