import { For, Show } from 'solid-js';
import type { ModelSignature } from '../../../models/signature';
import { signatureRows, type SpecRow } from '../../signature-rows';

const TITLES: Record<SpecRow['section'], string> = { inputs: 'Inputs', outputs: 'Outputs', params: 'Parameters' };

/** A model signature as one table per part (inputs, outputs, params), MLflow's schema shown row by row. */
export function SignatureTable(props: { signature: ModelSignature }) {
  const rows = () => signatureRows(props.signature);
  const part = (section: SpecRow['section']) => rows().filter((r) => r.section === section);
  return (
    <div class="signature">
      <For each={(['inputs', 'outputs', 'params'] as const).filter((s) => part(s).length || s !== 'params')}>
        {(section) => (
          <div class="signature-part">
            <h3>{TITLES[section]}</h3>
            <Show when={part(section).length} fallback={<p class="muted small">Not specified.</p>}>
              <div class="table-wrap">
                <table class="table table-compact">
                  <caption class="visually-hidden">Signature {section}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Type</th>
                      <th scope="col">{section === 'params' ? 'Default' : 'Shape'}</th>
                      <Show when={section === 'inputs'}><th scope="col">Required</th></Show>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={part(section)}>
                      {(r) => (
                        <tr>
                          <td class="mono">{r.name}</td>
                          <td class="mono">{r.type}</td>
                          <td class="mono">{section === 'params' ? r.default : r.shape || '—'}</td>
                          <Show when={section === 'inputs'}><td>{r.required ? 'yes' : 'optional'}</td></Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </div>
        )}
      </For>
    </div>
  );
}
