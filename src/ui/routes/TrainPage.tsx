import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import { client } from '../client';
import { DataPicker } from '../components/training/DataPicker';
import { ParamFields } from '../components/training/ParamFields';
import { SweepEditor } from '../components/training/SweepEditor';
import { createTrainForm, formToRequest } from '../components/training/train-form';
import { TrainingMonitor } from '../components/training/TrainingMonitor';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createLiveQuery } from '../primitives/create-live-query';
import { startSweep, startTraining, trainingJob } from '../training-job';
import './train-page.css';

const message = (e: unknown): string => (e as { message?: string })?.message ?? String(e);

/**
 * `#/train`: "New training run". The form on the left describes a run or a sweep; the worker trains it and
 * logs it; the monitor on the right follows it live from IndexedDB.
 */
export function TrainPage() {
  createDocumentTitle(() => 'Train');
  const [form, setForm] = createTrainForm();
  const [error, setError] = createSignal<string>();
  const experiments = createLiveQuery(() => client.searchExperiments({ maxResults: 1000 }));
  const running = () => trainingJob().phase === 'running';
  const expId = createUniqueId();
  const nameId = createUniqueId();

  const trials = createMemo((): number | string => {
    if (!form.sweep.on) return 1;
    try {
      return formToRequest(form).trials;
    } catch (e) {
      return message(e);
    }
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setError(undefined);
    let built;
    try {
      built = formToRequest(form);
    } catch (e) {
      setError(message(e));
      return;
    }
    if (built.sweep) void startSweep(built.request, built.sweep);
    else void startTraining(built.request);
  };

  return (
    <>
      <div class="page-header">
        <div>
          <h1>New training run</h1>
          <p class="subtitle">Trains a TensorFlow.js model in a background worker and logs it as an MLflow run in this browser: params, live metrics and the model.</p>
        </div>
      </div>
      <div class="train-layout">
        <form class="train-form" onSubmit={submit} novalidate aria-label="New training run">
          <DataPicker form={form} setForm={setForm} disabled={running()} />
          <ParamFields form={form} setForm={setForm} disabled={running()} />
          <SweepEditor form={form} setForm={setForm} disabled={running()} trials={trials()} />
          <fieldset class="form-section" disabled={running()}>
            <legend>Tracking</legend>
            <div class="field-row">
              <div class="field">
                <label for={expId}>Experiment</label>
                <select id={expId} value={form.experimentId} onChange={(e) => setForm('experimentId', e.currentTarget.value)}>
                  <For each={experiments()?.items ?? []}>{(x) => <option value={x.experimentId}>{x.name}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for={nameId}>Run name</label>
                <input id={nameId} type="text" placeholder="generated" value={form.runName} onInput={(e) => setForm('runName', e.currentTarget.value)} autocomplete="off" />
              </div>
            </div>
          </fieldset>
          <div class="train-actions">
            <Show when={error()}>{(m) => <p class="field-error" role="alert">{m()}</p>}</Show>
            <button type="submit" class="button button-primary button-large" disabled={running() || (form.source === 'csv' && !form.csv)}>
              {running() ? 'Training…' : form.sweep.on ? `Start sweep${typeof trials() === 'number' ? ` (${trials()} trials)` : ''}` : 'Train'}
            </button>
          </div>
        </form>
        <aside class="train-monitor" aria-label="Training monitor">
          <TrainingMonitor experimentId={form.experimentId} />
        </aside>
      </div>
    </>
  );
}
