import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import { checkCsvSize, inferTask, type ColumnSummary, type TaskType } from '../../../training/dataset';
import { DEMO_TASKS, getDemoTask } from '../../../training/demos';
import { trainingWorker } from '../../../workers/training-client';
import { paramsToFields, type SourceChoice, type TrainFormState } from './train-form';

const message = (e: unknown): string => (e as { message?: string })?.message ?? String(e);

/**
 * Step 1 of the form: a demo task (with its shipped dataset) or the user's CSV. A CSV is checked in the worker
 * (size, shape, column kinds) as soon as it is chosen, so an unusable file is explained before training.
 */
export function DataPicker(props: { form: TrainFormState; setForm: SetStoreFunction<TrainFormState>; disabled: boolean }) {
  const [csvError, setCsvError] = createSignal<string>();
  const [reading, setReading] = createSignal(false);
  const fileId = createUniqueId();
  const targetId = createUniqueId();
  const taskId = createUniqueId();
  let fileInput!: HTMLInputElement;

  const choose = (source: SourceChoice) => {
    props.setForm('source', source);
    if (source !== 'csv') props.setForm(paramsToFields(getDemoTask(source).defaults));
    else if (!props.form.csv) fileInput.click();
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setCsvError(undefined);
    props.setForm('csv', null);
    setReading(true);
    try {
      checkCsvSize(file.size, file.name);
      const text = await file.text();
      const inspection = await trainingWorker.inspectCsv(text, file.name);
      const target = inspection.suggestedTarget;
      const col = inspection.columns.find((c) => c.name === target)!;
      props.setForm('csv', { name: file.name, text, inspection, target, task: inferTask(col) });
    } catch (e) {
      setCsvError(message(e));
    } finally {
      setReading(false);
      fileInput.value = '';
    }
  };

  const setTarget = (name: string) => {
    const col = props.form.csv?.inspection.columns.find((c) => c.name === name);
    if (col) props.setForm('csv', { target: name, task: inferTask(col) });
  };
  const counts = (cols: ColumnSummary[]) => {
    const n = cols.filter((c) => c.kind === 'numeric').length;
    return `${cols.length} columns (${n} numeric, ${cols.length - n} text)`;
  };

  return (
    <fieldset class="form-section" disabled={props.disabled}>
      <legend>Task and data</legend>
      <div class="task-cards" role="radiogroup" aria-label="Task">
        <For each={DEMO_TASKS}>
          {(t) => (
            <button type="button" role="radio" class="task-card" aria-checked={props.form.source === t.id} onClick={() => choose(t.id as SourceChoice)}>
              <span class="task-card-title">{t.title}</span>
              <span class="task-card-meta">{t.rows.toLocaleString('en-US')} rows · {t.task}</span>
            </button>
          )}
        </For>
        <button type="button" role="radio" class="task-card" aria-checked={props.form.source === 'csv'} onClick={() => choose('csv')}>
          <span class="task-card-title">Your CSV</span>
          <span class="task-card-meta">{props.form.csv ? props.form.csv.name : 'choose a file'}</span>
        </button>
      </div>
      <Show when={props.form.source !== 'csv'}>
        <p class="form-hint">{getDemoTask(props.form.source).summary}</p>
      </Show>
      <input ref={fileInput} id={fileId} class="visually-hidden" type="file" accept=".csv,text/csv" tabindex="-1"
        aria-label="CSV file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      <Show when={props.form.source === 'csv'}>
        <div class="csv-box">
          <div class="csv-file">
            <button type="button" class="button" onClick={() => fileInput.click()} disabled={reading()}>
              {reading() ? 'Reading…' : props.form.csv ? 'Choose another CSV…' : 'Choose CSV…'}
            </button>
            <Show when={props.form.csv}>
              {(csv) => <span class="muted">{csv().inspection.rows.toLocaleString('en-US')} rows · {counts(csv().inspection.columns)}</span>}
            </Show>
          </div>
          <Show when={csvError()}>
            {(msg) => <p class="banner banner-error" role="alert">{msg()}</p>}
          </Show>
          <Show when={props.form.csv}>
            {(csv) => (
              <div class="field-row">
                <div class="field">
                  <label for={targetId}>Target column</label>
                  <select id={targetId} value={csv().target} onChange={(e) => setTarget(e.currentTarget.value)}>
                    <For each={csv().inspection.columns}>{(c) => <option value={c.name}>{c.name}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for={taskId}>Task type</label>
                  <select id={taskId} value={csv().task} onChange={(e) => props.setForm('csv', 'task', e.currentTarget.value as TaskType)}>
                    <option value="classification">Classification</option>
                    <option value="regression">Regression</option>
                  </select>
                </div>
              </div>
            )}
          </Show>
        </div>
      </Show>
    </fieldset>
  );
}
