import { createResource, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { ModelVersion } from '../../../registry';
import { errorText } from '../error-text';
import { registry } from '../../registry';
import { Dialog } from '../Dialog';

export interface RegisterModelDialogProps {
  /** Prefilled run id (the run page passes its own) and model folder path in the run's artifacts. */
  runId?: string;
  artifactPath?: string;
  onClose: () => void;
  onRegistered: (version: ModelVersion) => void;
}

/**
 * "Register model": `mlflow.register_model("runs:/<run id>/<path>", name)`. The run's model folder (it must
 * hold an MLmodel file) is copied into the registry as the next version of the named model, which is created
 * if it does not exist yet. Reusable from a run page: pass `runId` and `artifactPath`.
 */
export function RegisterModelDialog(props: RegisterModelDialogProps) {
  const ids = { run: createUniqueId(), path: createUniqueId(), name: createUniqueId(), list: createUniqueId(), error: createUniqueId() };
  const [runId, setRunId] = createSignal(props.runId ?? '');
  const [path, setPath] = createSignal(props.artifactPath ?? 'model');
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [models] = createResource(async () => (await registry.searchRegisteredModels({ maxResults: 1000 })).items.map((m) => m.name));
  let first!: HTMLInputElement;
  const uri = () => `runs:/${runId().trim()}/${path().trim().replace(/^\/+/, '')}`;
  const existing = () => models()?.includes(name());

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    setPending(true);
    setError(undefined);
    try {
      props.onRegistered(await registry.registerModel(uri(), name()));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog title="Register model" onClose={props.onClose} initialFocus={() => first}>
      <form class="form" onSubmit={submit} novalidate>
        <div class="field">
          <label for={ids.run}>Run ID</label>
          <input ref={first} id={ids.run} type="text" class="mono" autocomplete="off" spellcheck={false} value={runId()}
            onInput={(e) => { setRunId(e.currentTarget.value); setError(undefined); }} />
        </div>
        <div class="field">
          <label for={ids.path}>Model folder in the run’s artifacts</label>
          <input id={ids.path} type="text" class="mono" autocomplete="off" spellcheck={false} value={path()}
            onInput={(e) => { setPath(e.currentTarget.value); setError(undefined); }} />
        </div>
        <div class="field">
          <label for={ids.name}>Model name</label>
          <input id={ids.name} type="text" autocomplete="off" spellcheck={false} list={ids.list} value={name()}
            onInput={(e) => { setName(e.currentTarget.value); setError(undefined); }}
            aria-invalid={error() ? 'true' : undefined} aria-describedby={error() ? ids.error : undefined} />
          <datalist id={ids.list}><For each={models() ?? []}>{(m) => <option value={m} />}</For></datalist>
          <p class="field-hint">
            {existing() ? `Adds a new version to “${name()}”.` : 'A new model is created if none has this name.'}
            {' '}Source: <code>{uri()}</code>
          </p>
          <Show when={error()}>{(m) => <p id={ids.error} class="field-error" role="alert">{m()}</p>}</Show>
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onClose()}>Cancel</button>
          <button type="submit" class="button button-primary" disabled={pending() || !runId().trim() || !name().trim()}>
            {pending() ? 'Registering…' : 'Register'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
