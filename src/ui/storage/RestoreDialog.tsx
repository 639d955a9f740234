import { createSignal, For, onMount, Show } from 'solid-js';
import { Dialog } from '../components/Dialog';
import type { BackupClient, BackupProgress, BackupSummary, RestoreMode, RestoreResult } from '../../workers/backup-client';
import { messageOf, ProgressLine } from './BackupPanel';
import { byTableOrder, countOf, formatBytes } from './format';

type Step =
  | { kind: 'checking'; progress?: BackupProgress }
  | { kind: 'refused'; message: string }
  | { kind: 'choose'; summary: BackupSummary }
  | { kind: 'confirm'; summary: BackupSummary }
  | { kind: 'restoring'; progress?: BackupProgress };

/**
 * "Restore from backup": checks the whole file first (nothing is written for a bad one), shows what it holds,
 * then merges (default) or — after an explicit confirmation — replaces everything in this browser.
 */
export function RestoreDialog(props: {
  file: File;
  backup: () => BackupClient;
  onClose: () => void;
  onRestored: (r: RestoreResult) => void;
}) {
  const [step, setStep] = createSignal<Step>({ kind: 'checking' });
  const [mode, setMode] = createSignal<RestoreMode>('merge');
  /** The current step when it is of `kind` (for Show), else undefined. */
  const at = <K extends Step['kind']>(kind: K) => {
    const s = step();
    return s.kind === kind ? (s as Extract<Step, { kind: K }>) : undefined;
  };

  onMount(async () => {
    try {
      const summary = await props.backup().inspectBackup(props.file, (p) => setStep({ kind: 'checking', progress: p }));
      setStep({ kind: 'choose', summary });
    } catch (e) {
      setStep({ kind: 'refused', message: messageOf(e) });
    }
  });

  const restore = async () => {
    setStep({ kind: 'restoring' });
    try {
      props.onRestored(await props.backup().restoreBackup(props.file, mode(), (p) => setStep({ kind: 'restoring', progress: p })));
    } catch (e) {
      setStep({ kind: 'refused', message: messageOf(e) });
    }
  };
  // A running restore cannot be cancelled halfway (it is one transaction); the dialog stays until it ends.
  const close = () => step().kind !== 'restoring' && props.onClose();

  return (
    <Dialog title="Restore from backup" onClose={close}>
      <p class="muted file-line">{props.file.name} · {formatBytes(props.file.size)}</p>
      <Show when={at('checking')}>{(s) => <ProgressLine progress={s().progress} label="Check progress" />}</Show>
      <Show when={at('restoring')}>{(s) => <ProgressLine progress={s().progress} label="Restore progress" />}</Show>
      <Show when={at('refused')}>
        {(s) => (
          <>
            <p class="banner banner-error" role="alert">{s().message}</p>
            <p class="muted note">Nothing in this browser was changed.</p>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => props.onClose()}>Close</button>
            </div>
          </>
        )}
      </Show>
      <Show when={at('choose')}>
        {(s) => (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (mode() === 'replace') setStep({ kind: 'confirm', summary: s().summary });
              else void restore();
            }}
          >
            <Contents summary={s().summary} />
            <fieldset class="choices">
              <legend>How to restore</legend>
              <label class="choice">
                <input type="radio" name="mode" value="merge" checked={mode() === 'merge'} onChange={() => setMode('merge')} />
                <span>
                  <strong>Merge</strong> into this browser's data: keep everything here and add what is missing. Runs
                  already here stay as they are; a taken experiment name gets “(restored)”.
                </span>
              </label>
              <label class="choice">
                <input type="radio" name="mode" value="replace" checked={mode() === 'replace'} onChange={() => setMode('replace')} />
                <span><strong>Replace</strong> everything in this browser with the backup.</span>
              </label>
            </fieldset>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
              <button type="submit" class="button button-primary">{mode() === 'merge' ? 'Merge' : 'Replace…'}</button>
            </div>
          </form>
        )}
      </Show>
      <Show when={at('confirm')}>
        {(s) => (
          <>
            <p class="banner banner-warning" role="alert">
              Replace deletes every experiment, run, metric, artifact and model in this browser and puts the backup's in
              their place. This cannot be undone: export a backup first if you may need today's data.
            </p>
            <div class="dialog-actions">
              <button type="button" class="button" onClick={() => setStep({ kind: 'choose', summary: s().summary })}>Back</button>
              <button type="button" class="button button-danger" onClick={() => void restore()}>Replace everything</button>
            </div>
          </>
        )}
      </Show>
    </Dialog>
  );
}

function Contents(props: { summary: BackupSummary }) {
  const shown = () => props.summary.tables.filter((t) => t.name !== 'meta' && t.rows > 0).sort((a, b) => byTableOrder(a.name, b.name));
  return (
    <div class="backup-contents">
      <p>Made {new Date(props.summary.createdAt).toLocaleString()}. It holds:</p>
      <ul>
        <For each={shown()}>{(t) => <li>{countOf(t.name, t.rows)}</li>}</For>
        <li>{formatBytes(props.summary.blobs.bytes)} of files</li>
      </ul>
    </div>
  );
}
