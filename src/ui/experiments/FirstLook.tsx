import { createSignal, Show } from 'solid-js';
import { loadSampleData } from '../../tracking/sample-data';
import { client } from '../client';
import { errorText } from '../components/error-text';
import { drawLinePng } from './line-png';

/**
 * The welcome panel of an empty app: "Load sample data" fills it with demo experiments through the client, with a
 * progress bar (its value lives with the page, which keeps the panel up until loading ends); the list below shows
 * the experiments as they are created.
 */
export function FirstLook(props: { onCreate: () => void; progress: number | undefined; onProgress: (p: number | undefined) => void }) {
  const progress = () => props.progress;
  const setProgress = (p: number | undefined) => props.onProgress(p);
  const [error, setError] = createSignal<string>();
  const load = async () => {
    setError(undefined);
    setProgress(0);
    try {
      await loadSampleData(client, { png: drawLinePng, onProgress: (done, total) => setProgress(done / total) });
      setProgress(undefined);
    } catch (err) {
      setError(errorText(err));
      setProgress(undefined);
    }
  };
  return (
    <section class="panel first-look" aria-labelledby="first-look-title">
      <div>
        <h2 id="first-look-title">Welcome to Flowpad</h2>
        <p>
          Track experiments, runs, parameters, metrics and artifacts, all stored in this browser. Load a sample to look
          around: two experiments with nested hyperparameter sweeps, 5,000-step metric histories and artifacts.
        </p>
      </div>
      <Show
        when={progress() !== undefined}
        fallback={
          <div class="actions">
            <button type="button" class="button button-primary" onClick={load}>Load sample data</button>
            <button type="button" class="button" onClick={() => props.onCreate()}>Create experiment</button>
          </div>
        }
      >
        <div class="sample-progress">
          <progress max="1" value={progress()} aria-label="Loading sample data" />
          <span class="muted">Creating sample runs… {Math.round((progress() ?? 0) * 100)}%</span>
        </div>
      </Show>
      <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
    </section>
  );
}
