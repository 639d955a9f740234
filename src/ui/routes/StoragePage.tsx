import { createResource, createSignal, onCleanup, Show } from 'solid-js';
import { startBackupWorker, type BackupClient } from '../../workers/backup-client';
import { createDocumentTitle } from '../primitives/create-document-title';
import { BackupPanel, messageOf } from '../storage/BackupPanel';
import { UsagePanel } from '../storage/UsagePanel';
import { UsageTables } from '../storage/UsageTables';

/**
 * `#/storage`: how much this browser holds for Flowpad (quota, persistence, each experiment and model) and
 * backup / restore of everything. The heavy work runs in a backup worker that lives as long as the page.
 */
export function StoragePage() {
  createDocumentTitle(() => 'Storage');
  let worker: BackupClient | undefined;
  const backup = () => (worker ??= startBackupWorker());
  onCleanup(() => worker?.terminate());
  const [version, setVersion] = createSignal(0);
  const [report] = createResource(version, () => backup().storageReport());
  const refresh = () => setVersion((v) => v + 1);
  // The report is a full scan, so it is not live: it re-measures when the user comes back to this tab.
  const onVisible = () => document.visibilityState === 'visible' && refresh();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Storage</h1>
          <p class="subtitle">Everything Flowpad keeps lives in this browser. Back it up before clearing site data or switching browsers.</p>
        </div>
        <button type="button" class="button" onClick={refresh}>Refresh</button>
      </div>
      <div class="storage-grid">
        <UsagePanel version={version()} />
        <BackupPanel backup={backup} onRestored={refresh} />
      </div>
      <Show when={!report.error} fallback={<p class="banner banner-error" role="alert">Could not measure storage: {messageOf(report.error)}</p>}>
        <Show when={report.latest} fallback={<p class="muted loading">Measuring each experiment…</p>}>
          {(r) => <UsageTables report={r()} />}
        </Show>
      </Show>
    </>
  );
}
