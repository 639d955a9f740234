import { A } from '@solidjs/router';
import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import { defaultModelName } from '../../../interop/bundle/names';
import { importBundle, type ImportResult } from '../../../workers/bundle-client';
import { errorText } from '../error-text';
import { Dialog } from '../Dialog';
import { ProgressBar } from '../ProgressBar';
import { formatBytes } from '../../../interop/bundle/limits';

/**
 * "Import models": a Flowpad bundle (.zip with manifest.json), a zipped MLflow model folder, or a bare .onnx.
 * The worker checks the whole file before writing anything, so a refused file leaves the registry untouched.
 */
export function ImportDialog(props: { file?: File; onClose: () => void }) {
  const ids = { file: createUniqueId(), name: createUniqueId(), error: createUniqueId() };
  const [file, setFile] = createSignal<File | undefined>(props.file);
  const [name, setName] = createSignal(props.file ? defaultModelName(props.file.name) : '');
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const [result, setResult] = createSignal<ImportResult>();
  let input!: HTMLInputElement;

  const pick = (f: File | undefined) => {
    setFile(f);
    setName(f ? defaultModelName(f.name) : '');
    setError(undefined);
    setResult(undefined);
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const f = file();
    if (!f || pending()) return;
    setPending(true);
    setError(undefined);
    setProgress(undefined);
    try {
      setResult(await importBundle(f, { name: name().trim() }, (done, total) => setProgress({ done, total })));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title="Import models" onClose={props.onClose} initialFocus={() => input}>
      <Switch>
        <Match when={result()}>
          {(r) => <ImportSummaryView result={r()} onClose={props.onClose} />}
        </Match>
        <Match when={true}>
          <form class="form" onSubmit={submit} novalidate>
            <div class="field">
              <span class="field-label">File</span>
              <div class="file-pick">
                <input ref={input} id={ids.file} class="visually-hidden" type="file" accept=".zip,.onnx,application/zip"
                  onChange={(e) => pick(e.currentTarget.files?.[0])} aria-describedby={error() ? ids.error : undefined} />
                <label for={ids.file} class="button button-small">
                  <span class="visually-hidden">Bundle, model folder zip, or ONNX file</span>
                  <span aria-hidden="true">{file() ? 'Choose another…' : 'Choose file…'}</span>
                </label>
                <Show when={file()} fallback={<span class="muted small">A bundle (.zip with manifest.json), a zipped MLflow model folder, or an .onnx file</span>}>
                  {(f) => <span class="file-name"><span class="mono">{f().name}</span> <span class="muted">{formatBytes(f().size)}</span></span>}
                </Show>
              </div>
            </div>
            <div class="field">
              <label for={ids.name}>Model name <span class="muted">(for a model folder or .onnx; bundles name their own)</span></label>
              <input id={ids.name} type="text" autocomplete="off" spellcheck={false} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
            </div>
            <Show when={pending()}><ProgressBar label="Checking and importing" done={progress()?.done} total={progress()?.total} /></Show>
            <Show when={error()}>
              {(m) => <p id={ids.error} class="banner banner-error" role="alert"><strong>Not imported.</strong> {m()}</p>}
            </Show>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
              <button type="submit" class="button button-primary" disabled={!file() || pending()}>{pending() ? 'Importing…' : 'Import'}</button>
            </div>
          </form>
        </Match>
      </Switch>
    </Dialog>
  );
}

function ImportSummaryView(props: { result: ImportResult; onClose: () => void }) {
  return (
    <div class="form">
      <p class="banner banner-success" role="status">
        Imported {props.result.summary.models.length === 1 ? '1 model' : `${props.result.summary.models.length} models`}.
      </p>
      <ul class="import-summary">
        <For each={props.result.summary.models}>
          {(m) => (
            <li>
              <A href={`/models/${encodeURIComponent(m.name)}`} onClick={() => props.onClose()}>{m.name}</A>
              <span class="muted">
                {' '}— {m.created ? 'new model' : 'added to the existing model'}, version{m.versions.length === 1 ? '' : 's'}{' '}
                {m.versions.map((v) => v.to).join(', ')}
              </span>
              <Show when={m.skippedAliases.length}>
                <span class="muted"> (kept the existing {m.skippedAliases.map((a) => `@${a}`).join(', ')})</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <For each={props.result.warnings}>{(w) => <p class="banner banner-warning">{w}</p>}</For>
      <div class="dialog-actions">
        <button type="button" class="button button-primary" onClick={() => props.onClose()}>Done</button>
      </div>
    </div>
  );
}
