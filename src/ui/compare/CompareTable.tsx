/** Params, metrics and tags of the compared runs side by side, with "Show differences only" (MLflow's "Show diff only"). */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ColoredRun } from '../charts/MetricChartGrid';
import { formatValue } from '../charts/chart-options';
import { differs, type Field, type FieldKind, fieldValue, keysOf } from './compare-data';

const SECTIONS: { kind: FieldKind; title: string }[] = [
  { kind: 'param', title: 'Parameters' },
  { kind: 'metric', title: 'Metrics' },
  { kind: 'tag', title: 'Tags' },
];

const show = (v: string | number | undefined) => (v === undefined ? '—' : typeof v === 'number' ? formatValue(v) : v);

/** Fields as rows, runs as columns; rows whose values differ are highlighted. */
export function CompareTable(props: { runs: ColoredRun[] }) {
  const [diffOnly, setDiffOnly] = createSignal(false);
  const runs = () => props.runs.map((r) => r.run);
  const rows = createMemo(() =>
    SECTIONS.map((s) => {
      const fields: Field[] = keysOf(runs(), s.kind).map((key) => ({ kind: s.kind, key }));
      const all = fields.length;
      return { ...s, all, fields: diffOnly() ? fields.filter((f) => differs(runs(), f)) : fields };
    }),
  );
  return (
    <section class="panel-card" aria-label="Compare table">
      <div class="chart-controls">
        <label class="control control-check">
          <input type="checkbox" checked={diffOnly()} onChange={(e) => setDiffOnly(e.currentTarget.checked)} />
          <span>Show differences only</span>
        </label>
      </div>
      <div class="table-wrap compare-table-wrap">
        <table class="table compare-table">
          <caption class="visually-hidden">Params, metrics and tags of the compared runs</caption>
          <thead>
            <tr>
              <th scope="col" class="sticky-col">Field</th>
              <For each={props.runs}>
                {(c) => (
                  <th scope="col" title={c.run.info.runName}>
                    <span class="swatch" style={{ background: c.color }} /> {c.run.info.runName || c.run.info.runId}
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <For each={rows()}>
            {(section) => (
              <tbody>
                <tr class="group-row">
                  <th scope="rowgroup" colSpan={props.runs.length + 1} class="sticky-col">
                    {section.title} <span class="muted count">{section.fields.length}{section.fields.length !== section.all ? ` of ${section.all}` : ''}</span>
                  </th>
                </tr>
                <Show when={section.fields.length === 0}>
                  <tr><td colSpan={props.runs.length + 1} class="muted">{section.all ? 'All runs have the same values.' : 'None logged.'}</td></tr>
                </Show>
                <For each={section.fields}>
                  {(f) => {
                    const diff = () => differs(runs(), f);
                    return (
                      <tr classList={{ 'row-differs': diff() }}>
                        <th scope="row" class="sticky-col mono" title={f.key}>{f.key}</th>
                        <For each={props.runs}>{(c) => <td class="mono" title={String(fieldValue(c.run, f) ?? '')}>{show(fieldValue(c.run, f))}</td>}</For>
                      </tr>
                    );
                  }}
                </For>
              </tbody>
            )}
          </For>
        </table>
      </div>
    </section>
  );
}
