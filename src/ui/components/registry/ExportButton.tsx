import { createSignal, Show } from 'solid-js';
import type { ExportScope } from '../../../registry';
import { exportBundle } from '../../../workers/bundle-client';
import { saveBlob } from '../../download';
import { errorText } from '../error-text';
import { ProgressBar } from '../ProgressBar';

/** A button that zips `scope` in the bundle worker, shows progress, and downloads the result. */
export function ExportButton(props: { scope: ExportScope; label: string }) {
  const [progress, setProgress] = createSignal<{ done: number; total: number }>();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string>();
  const run = async () => {
    setPending(true);
    setError(undefined);
    setProgress(undefined);
    try {
      const { blob, fileName } = await exportBundle(props.scope, (done, total) => setProgress({ done, total }));
      saveBlob(blob, fileName);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="export-button">
      <button type="button" class="button" onClick={run} disabled={pending()}>{pending() ? 'Exporting…' : props.label}</button>
      <Show when={pending() && progress()}>
        {(p) => <div class="export-progress"><ProgressBar label="Zipping" done={p().done} total={p().total} /></div>}
      </Show>
      <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
    </div>
  );
}
