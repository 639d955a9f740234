import { A } from '@solidjs/router';
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { ExportPanel } from '../components/ExportPanel';
import { ImportPreviewPanel } from '../components/ImportPreviewPanel';
import { ProgressBar } from '../components/ProgressBar';
import { sourceFromDrop, sourceFromFile, sourceFromFileList } from '../import-source';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createImportClient, type ImportClient, type ImportPreview, type ImportProgress, type ImportSource, type RestoreResult } from '../../workers/import-client';

type Phase =
  | { name: 'idle' }
  | { name: 'busy'; label: string; fraction: number }
  | { name: 'preview'; preview: ImportPreview }
  | { name: 'done'; preview: ImportPreview; result: RestoreResult }
  | { name: 'error'; message: string; code?: string };

const STAGES: Record<ImportProgress['stage'], string> = {
  unzip: 'Unzipping…', read: 'Reading MLflow files…', check: 'Checking every value…', write: 'Writing to this browser…',
};

/**
 * `#/import`: brings an MLflow FileStore tree (`mlruns/`, as a zip or a folder) or an `mlflow.db` into Flowpad.
 * Parsing and checking run in the import worker; the user sees a preview before anything is written, and a
 * failure at any step writes nothing. Also exports an experiment as an mlruns zip.
 */
export function ImportPage() {
  createDocumentTitle(() => 'Import & export');
  const [phase, setPhase] = createSignal<Phase>({ name: 'idle' });
  const [dragging, setDragging] = createSignal(false);
  let worker: ImportClient | null = null;
  const importer = (): ImportClient => (worker ??= createImportClient());
  onCleanup(() => worker?.terminate());

  const busy = (label: string, fraction: number) => setPhase({ name: 'busy', label, fraction });
  // Proxied progress calls can land after the result: only a busy phase takes them.
  const progress = (p: ImportProgress) => {
    if (phase().name === 'busy') busy(STAGES[p.stage], p.fraction);
  };
  const fail = (e: unknown) => {
    const err = e as { code?: string; message?: string };
    setPhase({ name: 'error', message: err.message ?? String(e), code: err.code });
  };

  async function prepare(source: Promise<ImportSource> | null) {
    if (!source) return;
    try {
      busy('Reading files…', 0);
      const src = await source;
      busy(STAGES.read, 0.05);
      setPhase({ name: 'preview', preview: await importer().prepare(src, progress) });
    } catch (e) {
      fail(e);
    }
  }

  async function commit(preview: ImportPreview) {
    try {
      busy(STAGES.write, 0.1);
      setPhase({ name: 'done', preview, result: await importer().commit(progress) });
    } catch (e) {
      fail(e);
    }
  }

  const cancel = () => {
    void worker?.discard();
    setPhase({ name: 'idle' });
  };
  const readProgress = (f: number) => {
    if (phase().name === 'busy') busy('Reading files…', f * 0.05);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer) void prepare(sourceFromDrop(e.dataTransfer, readProgress));
  };

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Import &amp; export</h1>
          <p class="subtitle">Bring runs in from MLflow, or take an experiment to MLflow. Everything stays in this browser.</p>
        </div>
      </div>

      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import from MLflow</h2>
        <div
          class="dropzone"
          classList={{ dragging: dragging() }}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p class="dropzone-title">Drop an <code>mlruns</code> folder, an <code>mlruns</code> zip or an <code>mlflow.db</code> here</p>
          <p class="muted">
            Written by MLflow 1.x–3.x (<code>MLFLOW_ALLOW_FILE_STORE=true</code> file store, or the SQLite store).
            Nothing is written until you confirm the preview.
          </p>
          <div class="actions">
            <label class="button button-primary">
              Choose zip or mlflow.db…
              <input type="file" class="visually-hidden" accept=".zip,.db,.sqlite,.sqlite3,application/zip"
                aria-label="Import a zip or mlflow.db file"
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (f) void prepare(sourceFromFile(f));
                }} />
            </label>
            <label class="button">
              Choose mlruns folder…
              <input type="file" class="visually-hidden" aria-label="Import an mlruns folder"
                ref={(el) => el.setAttribute('webkitdirectory', '')}
                onChange={(e) => {
                  const list = e.currentTarget.files;
                  if (list && list.length > 0) void prepare(sourceFromFileList(list, readProgress));
                  e.currentTarget.value = '';
                }} />
            </label>
          </div>
        </div>

        <Switch>
          <Match when={(() => { const p = phase(); return p.name === 'busy' ? p : null; })()}>
            {(p) => <ProgressBar label={p().label} fraction={p().fraction} />}
          </Match>
          <Match when={(() => { const p = phase(); return p.name === 'error' ? p : null; })()}>
            {(p) => (
              <div class="banner banner-error" role="alert">
                <b>Nothing was imported.</b> {p().message}
                <Show when={p().code}><span class="mono error-code"> ({p().code})</span></Show>
              </div>
            )}
          </Match>
          <Match when={(() => { const p = phase(); return p.name === 'done' ? p : null; })()}>
            {(p) => (
              <div class="banner banner-success" role="status">
                <b>Imported.</b> {p().result.experimentsCreated} experiment(s) created, {p().result.experimentsMerged} merged,
                {' '}{p().result.runsCreated} run(s) created{p().result.runsSkipped.length ? `, ${p().result.runsSkipped.length} already present` : ''}
                {p().result.registry.length ? `, ${p().result.registry.filter((m) => m.created).length} registered model(s) created` : ''}.
                <ul class="done-links">
                  {Object.entries(p().result.experimentIds).map(([from, to]) => (
                    <li><A href={`/experiments/${encodeURIComponent(to)}`}>
                      {p().preview.experiments.find((e) => e.experimentId === from)?.name ?? to}
                    </A></li>
                  ))}
                </ul>
              </div>
            )}
          </Match>
        </Switch>
      </section>

      <Show when={(() => { const p = phase(); return p.name === 'preview' ? p : null; })()}>
        {(p) => (
          <ImportPreviewPanel preview={p().preview} actions={
            <div class="header-actions">
              <button type="button" class="button" onClick={cancel}>Cancel</button>
              <button type="button" class="button button-primary" onClick={() => void commit(p().preview)}
                disabled={p().preview.experiments.length === 0}>
                Import
              </button>
            </div>
          } />
        )}
      </Show>

      <ExportPanel exporter={importer} />
    </>
  );
}
