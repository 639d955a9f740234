/**
 * The artifact tree: folders expand in place (each listing is a live query, so new artifacts appear while a
 * run logs), files are links to their preview URL. Nested lists of links and buttons, keyboard usable as is.
 */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import type { RunId } from '../../core/ids';
import type { FileInfo } from '../../tracking/entities';
import { client } from '../client';
import { createLiveQuery } from '../primitives/create-live-query';
import { baseName, formatBytes } from './preview-kind';

/** Which run, where its tab lives, what is selected and which folders are open. */
export interface ArtifactTreeProps {
  runId: RunId;
  /** URL of the artifact tab; a path is appended. */
  base: string;
  selected: string;
  expanded: ReadonlySet<string>;
  onToggle: (dir: string) => void;
}

/** The whole tree from the run's artifact root. */
export function ArtifactTree(props: ArtifactTreeProps) {
  return <Folder {...props} dir="" depth={0} />;
}

function Folder(props: ArtifactTreeProps & { dir: string; depth: number }) {
  const items = createLiveQuery(() => props.dir, (d) => client.listArtifacts(props.runId, d));
  const href = (f: FileInfo) => `${props.base}/${f.path.split('/').map(encodeURIComponent).join('/')}`;
  return (
    <ul class="tree" role={props.depth === 0 ? undefined : 'group'}>
      <Show when={items.error()}>{(e) => <li class="muted">Could not list: {e().message}</li>}</Show>
      <For each={items()}>
        {(f) => (
          <li>
            <Show
              when={f.isDir}
              fallback={
                <A href={href(f)} class="tree-item" classList={{ selected: props.selected === f.path }} aria-current={props.selected === f.path ? 'page' : undefined} style={{ 'padding-left': `${8 + props.depth * 16}px` }}>
                  <FileIcon />
                  <span class="tree-name" title={f.path}>{baseName(f.path)}</span>
                  <span class="tree-size muted">{formatBytes(f.fileSize)}</span>
                </A>
              }
            >
              <A
                href={href(f)}
                class="tree-item"
                classList={{ selected: props.selected === f.path }}
                aria-expanded={props.expanded.has(f.path)}
                style={{ 'padding-left': `${8 + props.depth * 16}px` }}
                onClick={() => props.onToggle(f.path)}
              >
                <span class="tree-caret" classList={{ open: props.expanded.has(f.path) }} aria-hidden="true">▸</span>
                <FolderIcon />
                <span class="tree-name" title={f.path}>{baseName(f.path)}</span>
              </A>
              <Show when={props.expanded.has(f.path)}>
                <Folder {...props} dir={f.path} depth={props.depth + 1} />
              </Show>
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

const FileIcon = () => (
  <svg class="tree-icon" viewBox="0 0 16 16" aria-hidden="true"><path d="M4 1.5h5l3.5 3.5v9.5h-8.5z M9 1.5v3.5h3.5" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" /></svg>
);
const FolderIcon = () => (
  <svg class="tree-icon folder" viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 3.5h4.5l1.5 1.5h7v8.5h-13z" fill="currentColor" opacity="0.25" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" /></svg>
);
