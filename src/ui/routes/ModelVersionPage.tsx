import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { formatBytes } from '../../interop/bundle/limits';
import type { ModelVersion, ModelVersionStage } from '../../registry';
import { client } from '../client';
import { saveBlob } from '../download';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { AliasEditor } from '../components/registry/AliasEditor';
import { DescriptionEditor } from '../components/registry/DescriptionEditor';
import { ExportButton } from '../components/registry/ExportButton';
import { SignatureTable } from '../components/registry/SignatureTable';
import { StageBadge } from '../components/registry/StageBadge';
import { StageTransitionDialog } from '../components/registry/StageTransitionDialog';
import { TagsEditor } from '../components/TagsEditor';
import { Time } from '../components/Time';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { createModelSignature } from '../primitives/create-model-signature';
import { registry } from '../registry';
import { versionsOf } from '../registry-queries';
import { decodeParam, modelPath, runPath, servePath } from './model-paths';
import { RegistryNotFound } from './RegistryNotFound';

/** `#/models/:name/versions/:version`: one version — stage, aliases, source run, signature, files, tags. */
export function ModelVersionPage() {
  const raw = useParams<{ name: string; version: string }>();
  const params = { get name() { return decodeParam(raw.name); }, get version() { return decodeParam(raw.version); } };
  const version = createLiveQuery(() => [params.name, params.version] as const, ([n, v]) => registry.getModelVersion(n, v));
  createDocumentTitle(() => (version() ? `${version()!.name} v${version()!.version}` : version.error() ? 'Version not found' : 'Model version'));
  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/models">Models</A><span aria-hidden="true">/</span>
        <A href={modelPath(params.name)}>{params.name}</A><span aria-hidden="true">/</span>
      </nav>
      <Switch fallback={<p class="muted loading">Loading version…</p>}>
        <Match when={version.error()?.code === 'RESOURCE_DOES_NOT_EXIST' || version.error()?.code === 'INVALID_PARAMETER_VALUE'}>
          <RegistryNotFound what="Version" detail={<>Model <code>{params.name}</code> has no version <code>{params.version}</code> here.</>} />
        </Match>
        <Match when={version.error()}>{(e) => <p class="banner banner-error" role="alert">Could not load the version: {e().message}</p>}</Match>
        <Match when={version()}>{(v) => <VersionDetails version={v()} />}</Match>
      </Switch>
    </>
  );
}

function VersionDetails(props: { version: ModelVersion }) {
  const navigate = useNavigate();
  const [dialog, setDialog] = createSignal<'stage' | 'delete'>();
  const v = () => props.version;
  const siblings = createLiveQuery(() => v().name, (n) => versionsOf(n));
  const model = createLiveQuery(() => v().name, (n) => registry.getRegisteredModel(n));
  const files = createLiveQuery(() => [v().name, v().version] as const, ([n, x]) => registry.listModelVersionFiles(n, x));
  const mlmodel = createModelSignature(() => [v().name, v().version]);
  const taken = () => new Map((model()?.aliases ?? []).map((a) => [a.alias, a.version]));
  const othersIn = (stage: ModelVersionStage) =>
    (siblings() ?? []).filter((s) => s.currentStage === stage && s.version !== v().version).map((s) => s.version);

  return (
    <>
      <div class="page-header">
        <div>
          <h1>{v().name} <span class="muted">· Version {v().version}</span> <span class="heading-badge"><StageBadge stage={v().currentStage} /></span></h1>
          <p class="subtitle mono">models:/{v().name}/{v().version}</p>
        </div>
        <div class="header-actions">
          <A class="button button-primary" href={servePath(`models:/${v().name}/${v().version}`)}>Serve</A>
          <button type="button" class="button" onClick={() => setDialog('stage')}>Transition stage</button>
          <ExportButton scope={{ kind: 'version', name: v().name, version: v().version }} label="Export version" />
          <button type="button" class="button button-danger-outline" onClick={() => setDialog('delete')}>Delete</button>
        </div>
      </div>

      <div class="columns">
        <div class="column-main">
          <section aria-labelledby="signature-heading" class="section">
            <div class="section-header"><h2 id="signature-heading">Signature</h2>
              <Show when={mlmodel()?.flavors.length}><span class="muted count">flavors: {mlmodel()!.flavors.join(', ')}</span></Show>
            </div>
            <Switch fallback={<p class="muted loading">Reading MLmodel…</p>}>
              <Match when={mlmodel()?.problem}>{(p) => <p class="banner banner-warning">MLmodel could not be read: {p()}</p>}</Match>
              <Match when={mlmodel() && !mlmodel()!.signature}>
                <p class="muted">This model was saved without a signature, so inputs are not checked when it is served.</p>
              </Match>
              <Match when={mlmodel()?.signature}>{(sig) => <SignatureTable signature={sig()} />}</Match>
            </Switch>
          </section>
          <section aria-labelledby="files-heading" class="section">
            <div class="section-header"><h2 id="files-heading">Files</h2>
              <span class="muted count">{v().fileCount} · {formatBytes(v().sizeBytes)}</span></div>
            <Show when={files()?.length} fallback={<p class="muted">No files are stored for this version; its source is <code>{v().source}</code>.</p>}>
              <ul class="file-list">
                <For each={files()}>
                  {(f) => (
                    <li>
                      <button type="button" class="link-button mono" title={`Download ${f.path}`}
                        onClick={async () => saveBlob(await registry.downloadModelVersionFile(v().name, v().version, f.path), f.path.split('/').pop()!)}>
                        {f.path}
                      </button>
                      <span class="muted">{formatBytes(f.size)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        </div>
        <aside class="column-side">
          <section class="side-panel" aria-labelledby="details-heading">
            <h2 id="details-heading">Details</h2>
            <dl class="details">
              <dt>Source run</dt><dd><SourceRun runId={v().runId} /></dd>
              <dt>Source</dt><dd class="mono small break">{v().source}</dd>
              <dt>Registered</dt><dd><Time ms={v().creationTimestamp} /></dd>
              <dt>Last modified</dt><dd><Time ms={v().lastUpdatedTimestamp} /></dd>
              <Show when={v().storageLocation}><dt>Stored at</dt><dd class="mono small break">{v().storageLocation}</dd></Show>
            </dl>
          </section>
          <section class="side-panel" aria-labelledby="aliases-heading">
            <h2 id="aliases-heading">Aliases</h2>
            <AliasEditor name={v().name} version={v().version} aliases={v().aliases} taken={taken()} />
          </section>
          <section class="side-panel" aria-labelledby="vdesc-heading">
            <h2 id="vdesc-heading">Description</h2>
            <DescriptionEditor description={v().description} label="Version description"
              onSave={async (t) => void (await registry.updateModelVersion(v().name, v().version, t))} />
          </section>
          <section class="side-panel" aria-labelledby="vtags-heading">
            <h2 id="vtags-heading">Tags</h2>
            <TagsEditor tags={v().tags} onSet={(k, val) => registry.setModelVersionTag(v().name, v().version, k, val)}
              onDelete={(k) => registry.deleteModelVersionTag(v().name, v().version, k)} />
          </section>
        </aside>
      </div>

      <Show when={dialog() === 'stage'}>
        <StageTransitionDialog name={v().name} version={v().version} current={v().currentStage} others={othersIn} onClose={() => setDialog(undefined)} />
      </Show>
      <Show when={dialog() === 'delete'}>
        <ConfirmDialog title={`Delete version ${v().version}?`} confirmLabel="Delete version" danger onClose={() => setDialog(undefined)}
          onConfirm={async () => {
            const name = v().name;
            await registry.deleteModelVersion(name, v().version);
            navigate(modelPath(name), { replace: true });
          }}>
          <p>
            Version {v().version} of <strong>{v().name}</strong> and its stored files are deleted
            {v().aliases.length ? <>, and its aliases ({v().aliases.map((a) => `@${a}`).join(', ')}) removed</> : null}.
            Its number is never reused.
          </p>
        </ConfirmDialog>
      </Show>
    </>
  );
}

/** The run a version came from: a link when the run is in this browser, else its id. */
function SourceRun(props: { runId: string }) {
  const run = createLiveQuery(() => props.runId, (id) => (id ? client.getRun(id) : Promise.resolve(null)));
  return (
    <Switch fallback={<span class="muted">—</span>}>
      <Match when={run()}>{(r) => <A href={runPath(r().info.experimentId, r().info.runId)}>{r().info.runName}</A>}</Match>
      <Match when={props.runId && run.error()}>
        <span class="mono small" title="This run is not in this browser">{props.runId}</span>
      </Match>
    </Switch>
  );
}
