import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { ModelVersion, RegisteredModel } from '../../registry';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormDialog } from '../components/FormDialog';
import { EmptyState } from '../components/EmptyState';
import { DescriptionEditor } from '../components/registry/DescriptionEditor';
import { ExportButton } from '../components/registry/ExportButton';
import { AliasBadge, StageBadge } from '../components/registry/StageBadge';
import { TagsEditor } from '../components/TagsEditor';
import { Time } from '../components/Time';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { registry } from '../registry';
import { versionsOf } from '../registry-queries';
import { comparePath, decodeParam, modelPath, versionPath } from './model-paths';
import { RegistryNotFound } from './RegistryNotFound';

/** `#/models/:name`: the model's description, tags and aliases, and its versions (pick two to compare). */
export function ModelPage() {
  const raw = useParams<{ name: string }>();
  const params = { get name() { return decodeParam(raw.name); } };
  const model = createLiveQuery(() => params.name, (name) => registry.getRegisteredModel(name));
  createDocumentTitle(() => (model() ? model()!.name : model.error() ? 'Model not found' : 'Model'));
  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb"><A href="/models">Models</A><span aria-hidden="true">/</span></nav>
      <Switch fallback={<p class="muted loading">Loading model…</p>}>
        <Match when={model.error()?.code === 'RESOURCE_DOES_NOT_EXIST'}>
          <RegistryNotFound what="Model" detail={<>There is no registered model named <code>{params.name}</code> in this browser.</>} />
        </Match>
        <Match when={model.error()}>{(e) => <p class="banner banner-error" role="alert">Could not load the model: {e().message}</p>}</Match>
        <Match when={model()}>{(m) => <ModelDetails model={m()} />}</Match>
      </Switch>
    </>
  );
}

function ModelDetails(props: { model: RegisteredModel }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = createSignal<'rename' | 'delete'>();
  const [selected, setSelected] = createSignal<string[]>([]);
  const name = () => props.model.name;
  const versions = createLiveQuery(name, (n) => versionsOf(n).then((items) => ({ items })));
  const toggle = (v: string, on: boolean) => setSelected((s) => (on ? [...s.filter((x) => x !== v), v].slice(-2) : s.filter((x) => x !== v)));

  return (
    <>
      <div class="page-header">
        <div>
          <h1>{name()}</h1>
          <dl class="meta">
            <div><dt>Created</dt><dd><Time ms={props.model.creationTimestamp} /></dd></div>
            <div><dt>Last modified</dt><dd><Time ms={props.model.lastUpdatedTimestamp} /></dd></div>
            <div><dt>Aliases</dt><dd><div class="badges">
              <For each={props.model.aliases} fallback={<span class="muted">none</span>}>{(a) => <AliasBadge alias={a.alias} version={a.version} />}</For>
            </div></dd></div>
          </dl>
        </div>
        <div class="header-actions">
          <ExportButton scope={{ kind: 'model', name: name() }} label="Export model" />
          <button type="button" class="button" onClick={() => setDialog('rename')}>Rename</button>
          <button type="button" class="button button-danger-outline" onClick={() => setDialog('delete')}>Delete</button>
        </div>
      </div>

      <div class="columns">
        <div class="column-main"><section aria-labelledby="versions-heading">
          <div class="section-header">
            <h2 id="versions-heading">Versions</h2>
            <span class="muted count">{versions()?.items.length ?? ''}</span>
            <div class="toolbar-end">
              <button type="button" class="button button-small" disabled={selected().length !== 2}
                onClick={() => navigate(comparePath(name(), ...([...selected()].sort((a, b) => Number(a) - Number(b)) as [string, string])))}>
                Compare {selected().length === 2 ? `v${selected().join(' & v')}` : 'two versions'}
              </button>
            </div>
          </div>
          <Show when={versions()?.items.length} fallback={
            <EmptyState title="No versions yet">Register a model folder from a run, or import one, to create version 1.</EmptyState>
          }>
            <VersionsTable name={name()} versions={versions()!.items} selected={selected()} onToggle={toggle} />
          </Show>
        </section></div>
        <aside class="column-side">
          <section class="side-panel" aria-labelledby="description-heading">
            <h2 id="description-heading">Description</h2>
            <DescriptionEditor description={props.model.description} label="Model description"
              onSave={async (text) => void (await registry.updateRegisteredModel(name(), text))} />
          </section>
          <section class="side-panel" aria-labelledby="tags-heading">
            <h2 id="tags-heading">Tags</h2>
            <TagsEditor tags={props.model.tags} onSet={(k, v) => registry.setRegisteredModelTag(name(), k, v)}
              onDelete={(k) => registry.deleteRegisteredModelTag(name(), k)} />
          </section>
        </aside>
      </div>

      <Show when={dialog() === 'rename'}>
        {/* Versions, aliases and files follow; links to the old name stop working, as in MLflow. */}
        <FormDialog title="Rename model" submitLabel="Rename" onClose={() => setDialog(undefined)} fields={[{ name: 'name', label: 'New name', value: name() }]}
          onSubmit={async (v) => navigate(modelPath((await registry.renameRegisteredModel(name(), v.name)).name), { replace: true })} />
      </Show>
      <Show when={dialog() === 'delete'}>
        <ConfirmDialog title={`Delete ${name()}?`} confirmLabel="Delete model" danger onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            await registry.deleteRegisteredModel(name());
            navigate('/models', { replace: true });
          }}>
          <p>This deletes the model, all {versions()?.items.length ?? 0} of its versions, their aliases, tags and stored files. It cannot be undone.</p>
        </ConfirmDialog>
      </Show>
    </>
  );
}

function VersionsTable(props: { name: string; versions: ModelVersion[]; selected: string[]; onToggle: (v: string, on: boolean) => void }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Versions of {props.name}</caption>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">Compare</span></th>
            <th scope="col">Version</th>
            <th scope="col">Stage</th>
            <th scope="col">Aliases</th>
            <th scope="col">Registered</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.versions}>
            {(v) => (
              <tr>
                <td class="cell-check">
                  <input type="checkbox" aria-label={`Select version ${v.version} to compare`} checked={props.selected.includes(v.version)}
                    onChange={(e) => props.onToggle(v.version, e.currentTarget.checked)} />
                </td>
                <td><A href={versionPath(props.name, v.version)}>Version {v.version}</A></td>
                <td><StageBadge stage={v.currentStage} /></td>
                <td><div class="badges"><For each={v.aliases}>{(a) => <AliasBadge alias={a} />}</For></div></td>
                <td><Time ms={v.creationTimestamp} /></td>
                <td class="cell-text" title={v.description}>{v.description || '—'}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
