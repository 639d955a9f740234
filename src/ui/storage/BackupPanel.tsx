import { createSignal, Show } from 'solid-js';
import { isMlflowError } from '../../tracking';
import type { BackupClient, BackupProgress, RestoreResult } from '../../workers/backup-client';
import { saveBlob } from '../download';
import { backupFileName, byTableOrder, countOf, formatBytes, progressLabel } from './format';
import { RestoreDialog } from './RestoreDialog';

/** Coded errors are the user's to act on; anything else is a bug, but the panel is still where to say so. */
export const messageOf = (e: unknown) =>
  isMlflowError(e) ? e.message : `Unexpected error: ${e instanceof Error ? e.message : String(e)}`;

/** A progress bar with its label, for one running backup job. */
export function ProgressLine(props: { progress: BackupProgress | undefined; label: string }) {
  return (
    <div class="progress-line" role="status">
      <progress max={props.progress?.total || 1} value={props.progress?.done ?? 0} aria-label={props.label} />
      <span class="muted">{props.progress ? progressLabel(props.progress) : 'Starting…'}</span>
    </div>
  );
}

/** What a restore did, in one sentence per mode. */
export function restoreSummary(r: RestoreResult): string {
  const parts = Object.entries(r.tables).filter(([t]) => t !== 'meta').sort(([a], [b]) => byTableOrder(a, b));
  const added = parts.filter(([, s]) => s.added > 0).map(([t, s]) => countOf(t, s.added)).join(', ');
  if (r.mode === 'replace') return `Replaced this browser's data with the backup: ${added || 'nothing'}.`;
  const kept = parts.filter(([, s]) => s.kept > 0).map(([t, s]) => countOf(t, s.kept)).join(', ');
  const renamed = parts.reduce((n, [, s]) => n + s.renamed, 0);
  return `Merged: added ${added || 'nothing'}` + (kept ? `; already here and kept: ${kept}` : '') +
    (renamed ? `; ${renamed} renamed “… (restored)” because the name was taken` : '') + '.';
}

/** "Backup": export the whole database as one zip, or restore one (merge or replace). */
export function BackupPanel(props: { backup: () => BackupClient; onRestored: () => void }) {
  const [exporting, setExporting] = createSignal<BackupProgress | undefined | null>(null);
  const [exported, setExported] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [file, setFile] = createSignal<File>();
  const [restored, setRestored] = createSignal<string>();
  let input!: HTMLInputElement;

  const exportNow = async () => {
    setError(undefined);
    setExported(undefined);
    setExporting(undefined);
    try {
      const zip = await props.backup().exportBackup((p) => setExporting(p));
      const name = backupFileName();
      saveBlob(zip, name);
      setExported(`Saved ${name} (${formatBytes(zip.size)}).`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setExporting(null);
    }
  };

  return (
    <section class="card" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p class="muted">
        One zip file with every experiment, run, metric history, artifact and model in this browser. Restore it here or
        in another browser; a damaged or foreign file is refused before anything is written.
      </p>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={exportNow} disabled={exporting() !== null}>
          {exporting() !== null ? 'Exporting…' : 'Export backup'}
        </button>
        <button type="button" class="button" onClick={() => input.click()}>Restore from backup…</button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          class="visually-hidden"
          aria-label="Backup file to restore"
          tabindex="-1"
          onChange={(e) => {
            const f = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // picking the same file again still fires change
            setRestored(undefined);
            if (f) setFile(f);
          }}
        />
      </div>
      <Show when={exporting() !== null}>
        <ProgressLine progress={exporting() ?? undefined} label="Export progress" />
      </Show>
      <Show when={exported()}>{(m) => <p class="banner banner-success" role="status">{m()}</p>}</Show>
      <Show when={restored()}>{(m) => <p class="banner banner-success" role="status">{m()}</p>}</Show>
      <Show when={error()}>{(m) => <p class="banner banner-error" role="alert">{m()}</p>}</Show>
      <Show when={file()}>
        {(f) => (
          <RestoreDialog
            file={f()}
            backup={props.backup}
            onClose={() => setFile(undefined)}
            onRestored={(r) => {
              setFile(undefined);
              setRestored(restoreSummary(r));
              props.onRestored();
            }}
          />
        )}
      </Show>
    </section>
  );
}
