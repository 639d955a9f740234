/**
 * The preview pane of one artifact path: a file gets its previewer (or "too large" / "no preview"), a folder
 * its contents count and a zip download. Everything reads through live queries, so a re-logged file refreshes.
 */
import { A, useNavigate } from '@solidjs/router';
import { createSignal, Match, Show, Switch } from 'solid-js';
import type { RunId } from '../../core/ids';
import type { FileInfo } from '../../tracking/entities';
import { client } from '../client';
import { RegisterModelDialog } from '../components/registry/RegisterModelDialog';
import { servePath, versionPath } from '../routes/model-paths';
import { fileSafe, saveBlob } from '../download';
import { createLiveQuery } from '../primitives/create-live-query';
import { zipArtifactFolder } from './download-folder';
import { baseName, formatBytes, PREVIEW_LIMITS, previewKind } from './preview-kind';
import { loadPreview, type Preview } from './preview-load';
import { HtmlPreview, ImagePreview, TablePreview, TextPreview } from './previews';

/** `p` narrowed to one preview type, or undefined: a Match condition that also types its child. */
const as = <T extends Preview['type']>(p: Preview, type: T) => (p.type === type ? (p as Extract<Preview, { type: T }>) : undefined);

const parentOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** The preview pane for `path` ("" = the run's artifact root) of one run. */
export function ArtifactPreview(props: { runId: RunId; runName: string; path: string }) {
  const info = createLiveQuery(
    () => props.path,
    async (p): Promise<FileInfo | null> => (p ? (await client.listArtifacts(props.runId, parentOf(p))).find((f) => f.path === p) ?? null : { path: '', isDir: true }),
  );
  return (
    <Switch fallback={<p class="muted loading">Loading…</p>}>
      <Match when={info.error()}>{(e) => <p class="banner banner-error" role="alert">{e().message}</p>}</Match>
      <Match when={info() === null}>
        <div class="preview-empty"><p>There is no artifact at <code>{props.path}</code>.</p></div>
      </Match>
      <Match when={info()?.isDir}>
        <FolderPane runId={props.runId} runName={props.runName} path={props.path} />
      </Match>
      <Match when={info()}>{(f) => <FilePane runId={props.runId} file={f()} />}</Match>
    </Switch>
  );
}

function FolderPane(props: { runId: RunId; runName: string; path: string }) {
  const items = createLiveQuery(() => props.path, (p) => client.listArtifacts(props.runId, p));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [registering, setRegistering] = createSignal(false);
  const navigate = useNavigate();
  // An MLflow model folder (it holds an MLmodel file) can be registered as a model version from here.
  const isModelFolder = () => !!items()?.some((f) => !f.isDir && f.path === (props.path ? `${props.path}/MLmodel` : 'MLmodel'));
  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      saveBlob(await zipArtifactFolder(client, props.runId, props.path), `${fileSafe(props.path ? baseName(props.path) : `${props.runName}-artifacts`)}.zip`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PaneHeader title={props.path || 'All artifacts'} plain={!props.path} detail={items() ? `${items()!.length} item${items()!.length === 1 ? '' : 's'}` : ''}>
        <div class="pane-actions">
          <Show when={isModelFolder()}>
            <button type="button" class="button button-primary" onClick={() => setRegistering(true)}>Register model</button>
            <A class="button" href={servePath(`runs:/${props.runId}/${props.path}`)}>Serve</A>
          </Show>
          <button type="button" class="button" disabled={busy() || items()?.length === 0} onClick={() => void download()}>
            {busy() ? 'Zipping…' : props.path ? 'Download folder (.zip)' : 'Download all (.zip)'}
          </button>
        </div>
      </PaneHeader>
      <Show when={registering()}>
        <RegisterModelDialog runId={props.runId} artifactPath={props.path} onClose={() => setRegistering(false)}
          onRegistered={(v) => navigate(versionPath(v.name, v.version))} />
      </Show>
      <Show when={error()}><p class="banner banner-error" role="alert">Could not zip the folder: {error()}</p></Show>
      <div class="preview-empty"><p>Select a file to preview it.</p></div>
    </>
  );
}

function FilePane(props: { runId: RunId; file: FileInfo }) {
  const kind = () => previewKind(props.file.path);
  const size = () => props.file.fileSize ?? 0;
  const limit = () => (kind() === 'none' ? 1024 * 1024 : PREVIEW_LIMITS[kind() as Exclude<ReturnType<typeof previewKind>, 'none'>]);
  const tooLarge = () => size() > limit();
  const preview = createLiveQuery(
    () => (tooLarge() ? null : props.file.path),
    async (p) => (p === null ? null : loadPreview(await client.downloadArtifact(props.runId, p), p, kind())),
  );
  const download = async () => saveBlob(await client.downloadArtifact(props.runId, props.file.path), baseName(props.file.path));
  const name = () => baseName(props.file.path);
  return (
    <>
      <PaneHeader title={props.file.path} detail={formatBytes(props.file.fileSize)}>
        <button type="button" class="button" onClick={() => void download()}>Download</button>
      </PaneHeader>
      <Switch fallback={<p class="muted loading">Loading preview…</p>}>
        <Match when={tooLarge()}>
          <div class="preview-empty" role="status">
            <h3>File is too large to preview</h3>
            <p>{name()} is {formatBytes(size())}; previews stop at {formatBytes(limit())}. Download it to open it.</p>
            <button type="button" class="button button-primary" onClick={() => void download()}>Download {name()}</button>
          </div>
        </Match>
        <Match when={preview.error()}>{(e) => <p class="banner banner-error" role="alert">Could not read the file: {e().message}</p>}</Match>
        <Match when={preview()}>
          {(p) => (
            <>
              <Show when={(as(p(), 'text') || as(p(), 'table'))?.warning}>
                {(w) => <p class="banner banner-warning" role="status">{w()}</p>}
              </Show>
              <Switch>
                <Match when={as(p(), 'image')}>{(i) => <ImagePreview blob={i().blob} name={name()} />}</Match>
                <Match when={as(p(), 'html')}>{(h) => <HtmlPreview text={h().text} name={name()} />}</Match>
                <Match when={as(p(), 'text')}>{(t) => <TextPreview text={t().text} />}</Match>
                <Match when={as(p(), 'table')}>
                  {(t) => <TablePreview columns={t().columns} rows={t().rows} totalRows={t().totalRows} raw={t().raw} />}
                </Match>
                <Match when={p().type === 'binary'}>
                  <div class="preview-empty" role="status">
                    <h3>No preview for this file type</h3>
                    <p>Download {name()} to open it.</p>
                  </div>
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </>
  );
}

function PaneHeader(props: { title: string; detail: string; plain?: boolean; children: import('solid-js').JSX.Element }) {
  return (
    <div class="pane-header">
      <div class="pane-title">
        <h2 classList={{ mono: !props.plain }} title={props.title}>{props.title}</h2>
        <span class="muted small">{props.detail}</span>
      </div>
      {props.children}
    </div>
  );
}
