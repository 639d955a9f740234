import { For } from 'solid-js';
import { type Field, fieldId } from './compare-data';

/** A labelled <select> of comparison fields, grouped into Params and Metrics. */
export function FieldSelect(props: { label: string; fields: Field[]; value: Field | undefined; onChange: (f: Field) => void }) {
  const group = (kind: Field['kind']) => props.fields.filter((f) => f.kind === kind);
  return (
    <label class="control">
      <span>{props.label}</span>
      <select
        value={props.value ? fieldId(props.value) : ''}
        onChange={(e) => {
          const f = props.fields.find((x) => fieldId(x) === e.currentTarget.value);
          if (f) props.onChange(f);
        }}
      >
        <For each={(['param', 'metric', 'tag'] as const).filter((k) => group(k).length > 0)}>
          {(kind) => (
            <optgroup label={kind === 'param' ? 'Params' : kind === 'metric' ? 'Metrics' : 'Tags'}>
              <For each={group(kind)}>{(f) => <option value={fieldId(f)}>{f.key}</option>}</For>
            </optgroup>
          )}
        </For>
      </select>
    </label>
  );
}
