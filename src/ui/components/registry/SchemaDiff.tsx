import { For, Show } from 'solid-js';
import type { ModelSignature } from '../../../models/signature';
import { diffSignatures, type DiffRow, type SpecRow } from '../../signature-rows';

const LABEL: Record<DiffRow['kind'], string> = { same: 'same', changed: 'changed', added: 'added', removed: 'removed' };
const cell = (r: SpecRow | undefined) => (r ? `${r.type}${r.shape ? ' ' + r.shape : ''}${r.default ? ` = ${r.default}` : ''}${r.required ? '' : ' (optional)'}` : '—');

/** Two versions' signatures side by side: each column, tensor or param marked same, changed, added or removed. */
export function SchemaDiff(props: { a: ModelSignature | null; b: ModelSignature | null; labelA: string; labelB: string }) {
  const rows = () => diffSignatures(props.a, props.b);
  const changes = () => rows().filter((r) => r.kind !== 'same').length;
  return (
    <Show when={rows().length} fallback={<p class="muted">Neither version has a signature.</p>}>
      <p class="muted small">{changes() === 0 ? 'The signatures are identical.' : `${changes()} difference${changes() === 1 ? '' : 's'}.`}</p>
      <div class="table-wrap">
        <table class="table table-compact">
          <caption class="visually-hidden">Signature differences</caption>
          <thead>
            <tr>
              <th scope="col">Part</th>
              <th scope="col">Name</th>
              <th scope="col">{props.labelA}</th>
              <th scope="col">{props.labelB}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr class={`diff-${r.kind}`}>
                  <td>{r.section}</td>
                  <td class="mono">{r.name}</td>
                  <td class="mono">{cell(r.a)}</td>
                  <td class="mono">{cell(r.b)}</td>
                  <td><span class={`badge diff-badge-${r.kind}`}>{LABEL[r.kind]}</span></td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
