import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { RegisteredModel } from '../../registry';
import { EmptyState } from '../components/EmptyState';
import { ExportButton } from '../components/registry/ExportButton';
import { FormDialog } from '../components/FormDialog';
import { ImportDialog } from '../components/registry/ImportDialog';
import { RegisterModelDialog } from '../components/registry/RegisterModelDialog';
import { AliasBadge } from '../components/registry/StageBadge';
import { Time } from '../components/Time';
import { nameFilter } from '../name-filter';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { registry } from '../registry';
import { modelPath, versionPath } from './model-paths';

type Dialog = 'create' | 'import' | 'register' | undefined;

/**
 * `#/models`: registered models, filterable by name (`?q=`). Files dropped on the page are imported.
 * `?register=1&run=<id>&path=<folder>` opens "Register model" prefilled, so a run page can link here.
 */
export function ModelsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams<{ q?: string; register?: string; run?: string; path?: string }>();
  const [dialog, setDialog] = createSignal<Dialog>(params.register ? 'register' : undefined);
  const [dropped, setDropped] = createSignal<File>();
  const [dragging, setDragging] = createSignal(false);
  const search = () => params.q ?? '';
  const models = createLiveQuery(() => nameFilter(search()), (filter) => registry.searchRegisteredModels({ filter, maxResults: 1000 }));
  const items = () => models()?.items;
  createDocumentTitle(() => 'Models');

  const close = () => {
    setDialog(undefined);
    setDropped(undefined);
    if (params.register) setParams({ register: undefined, run: undefined, path: undefined }, { replace: true });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (!file) return;
    setDropped(file);
    setDialog('import');
  };
  const actions = (primary: boolean) => (
    <>
      <button type="button" class="button" onClick={() => setDialog('import')}>Import</button>
      <button type="button" class="button" onClick={() => setDialog('create')}>Create model</button>
      <button type="button" class={primary ? 'button button-primary' : 'button'} onClick={() => setDialog('register')}>Register model</button>
    </>
  );

  return (
    <div
      class="drop-zone"
      classList={{ dragging: dragging() }}
      onDragOver={(e) => {
        if (![...(e.dataTransfer?.types ?? [])].includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div class="page-header">
        <div>
          <h1>Models</h1>
          <p class="subtitle">Registered models with their versions, stages and aliases. Drop a bundle or an .onnx file here to import it.</p>
        </div>
        <div class="header-actions">{actions(true)}</div>
      </div>

      <div class="toolbar">
        <input type="search" class="search" placeholder="Filter by name" aria-label="Filter models by name" value={search()}
          onInput={(e) => setParams({ q: e.currentTarget.value || undefined }, { replace: true })} />
        <Show when={items()}>
          {(list) => <span class="muted count" aria-live="polite">{list().length === 1 ? '1 model' : `${list().length} models`}</span>}
        </Show>
        <div class="toolbar-end">
          <Show when={items()?.length}><ExportButton scope={{ kind: 'registry' }} label="Export all" /></Show>
        </div>
      </div>

      <Switch fallback={<p class="muted loading">Loading models…</p>}>
        <Match when={models.error()}>
          {(error) => <p class="banner banner-error" role="alert">Could not search models: {error().message}</p>}
        </Match>
        <Match when={items()?.length === 0 && search().trim() !== ''}>
          <EmptyState title={`No models match “${search().trim()}”`}
            action={<button type="button" class="button" onClick={() => setParams({ q: undefined }, { replace: true })}>Clear filter</button>}>
            The filter matches names case-insensitively; <code>%</code> and <code>_</code> are wildcards.
          </EmptyState>
        </Match>
        <Match when={items()?.length === 0}>
          <EmptyState title="No models yet" action={<div class="actions">{actions(true)}</div>}>
            Register a model folder from a run, or import a Flowpad bundle, a zipped MLflow model or an .onnx file.
          </EmptyState>
        </Match>
        <Match when={items()}>{(list) => <ModelsTable models={list()} />}</Match>
      </Switch>

      <Show when={dragging()}>
        <div class="drop-overlay" aria-hidden="true"><div>Drop to import models</div></div>
      </Show>
      <Show when={dialog() === 'create'}>
        {/* An empty registered model (versions come from runs or imports); MLflow's name rules apply. */}
        <FormDialog title="Create model" submitLabel="Create" onClose={close}
          fields={[{ name: 'name', label: 'Model name' }, { name: 'description', label: 'Description (optional)', multiline: true }]}
          onSubmit={async (v) => navigate(modelPath((await registry.createRegisteredModel(v.name, { description: v.description.trim() })).name))} />
      </Show>
      <Show when={dialog() === 'import'}>
        <ImportDialog file={dropped()} onClose={close} />
      </Show>
      <Show when={dialog() === 'register'}>
        <RegisterModelDialog runId={params.run} artifactPath={params.path} onClose={close}
          onRegistered={(v) => navigate(versionPath(v.name, v.version))} />
      </Show>
    </div>
  );
}

function ModelsTable(props: { models: RegisteredModel[] }) {
  const latest = (m: RegisteredModel) => m.latestVersions.reduce((a, v) => Math.max(a, Number(v.version)), 0);
  const inStage = (m: RegisteredModel, stage: string) => m.latestVersions.find((v) => v.currentStage === stage);
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Registered models</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Latest version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Staging</th>
            <th scope="col">Production</th>
            <th scope="col">Last modified</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.models}>
            {(m) => (
              <tr>
                <td class="cell-name" title={m.name}>
                  <A href={modelPath(m.name)}>{m.name}</A>
                  <Show when={m.description}><div class="cell-sub truncate">{m.description}</div></Show>
                </td>
                <td>
                  <Show when={latest(m)} fallback={<span class="muted">—</span>}>
                    <A href={versionPath(m.name, String(latest(m)))}>Version {latest(m)}</A>
                  </Show>
                </td>
                <td><div class="badges"><For each={m.aliases} fallback={<span class="muted">—</span>}>{(a) => <AliasBadge alias={a.alias} version={a.version} />}</For></div></td>
                <td><StageLink model={m} version={inStage(m, 'Staging')?.version} /></td>
                <td><StageLink model={m} version={inStage(m, 'Production')?.version} /></td>
                <td><Time ms={m.lastUpdatedTimestamp} /></td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function StageLink(props: { model: RegisteredModel; version?: string }) {
  return (
    <Show when={props.version} fallback={<span class="muted">—</span>}>
      {(v) => <A href={versionPath(props.model.name, v())}>Version {v()}</A>}
    </Show>
  );
}
