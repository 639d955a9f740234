/**
 * The compare page's per-run views: bar chart of a metric, scatter of two fields, parallel coordinates of
 * params → a metric, and a contour of a metric over two params. Field choices live in the URL.
 */
import { createMemo, For, Show } from 'solid-js';
import { BarChart } from '../charts/BarChart';
import { asNumber, canLog } from '../charts/axis-scale';
import { ContourChart } from '../charts/ContourChart';
import type { ColoredRun } from '../charts/MetricChartGrid';
import { ParallelCoordinates } from '../charts/ParallelCoordinates';
import { ScatterChart } from '../charts/ScatterChart';
import { EmptyState } from '../components/EmptyState';
import { axisFields, differs, type Field, fieldId, fieldLabel, fieldValue, keysOf, numericFields, parseFieldId } from './compare-data';
import { FieldSelect } from './FieldSelect';

/** The compared runs, the URL search params, and a setter for them. */
export interface ViewProps {
  runs: ColoredRun[];
  params: Record<string, string | undefined>;
  set: (patch: Record<string, string | undefined>) => void;
}

const runName = (c: ColoredRun) => c.run.info.runName || c.run.info.runId;
const metricFields = (runs: ColoredRun[]): Field[] => keysOf(runs.map((r) => r.run), 'metric').map((key) => ({ kind: 'metric', key }));

/** The field named by URL param `name` if it is offered, else `fallback`. */
function chosen(props: ViewProps, name: string, offered: Field[], fallback: Field | undefined): Field | undefined {
  const f = parseFieldId(props.params[name]);
  return (f && offered.find((o) => fieldId(o) === fieldId(f))) ?? fallback;
}

/** Bar chart of one metric (URL param `metric`) per run. */
export function BarView(props: ViewProps) {
  const metrics = createMemo(() => metricFields(props.runs));
  const metric = () => chosen(props, 'metric', metrics(), metrics()[0]);
  return (
    <Show when={metric()} fallback={<EmptyState title="No metrics to chart">None of these runs logged a metric.</EmptyState>}>
      {(m) => (
        <section class="panel-card" aria-label="Bar chart">
          <div class="chart-controls">
            <FieldSelect label="Metric" fields={metrics()} value={m()} onChange={(f) => props.set({ metric: fieldId(f) })} />
          </div>
          <BarChart
            label={m().key}
            data={props.runs.map((c) => ({ runId: c.run.info.runId, name: runName(c), color: c.color, value: asNumber(fieldValue(c.run, m())) }))}
          />
        </section>
      )}
    </Show>
  );
}

/** Scatter of two fields (URL params `x`, `y`, `logx`, `logy`). */
export function ScatterView(props: ViewProps) {
  const fields = createMemo(() => axisFields(props.runs.map((r) => r.run)));
  const x = () => chosen(props, 'x', fields(), fields().find((f) => f.kind === 'param') ?? fields()[0]);
  const y = () => chosen(props, 'y', fields(), fields().find((f) => f.kind === 'metric') ?? fields()[1]);
  const data = () =>
    x() && y() ? props.runs.map((c) => ({ runId: c.run.info.runId, name: runName(c), color: c.color, x: fieldValue(c.run, x()!), y: fieldValue(c.run, y()!) })) : [];
  return (
    <Show when={x() && y()} fallback={<EmptyState title="Nothing to plot">A scatter plot needs params or metrics on these runs.</EmptyState>}>
      <section class="panel-card" aria-label="Scatter plot">
        <div class="chart-controls">
          <FieldSelect label="X axis" fields={fields()} value={x()} onChange={(f) => props.set({ x: fieldId(f) })} />
          <LogToggle label="Log X" on={props.params.logx === '1'} usable={canLog(data().map((d) => d.x))} set={(v) => props.set({ logx: v ? '1' : undefined })} />
          <FieldSelect label="Y axis" fields={fields()} value={y()} onChange={(f) => props.set({ y: fieldId(f) })} />
          <LogToggle label="Log Y" on={props.params.logy === '1'} usable={canLog(data().map((d) => d.y))} set={(v) => props.set({ logy: v ? '1' : undefined })} />
        </div>
        <ScatterChart
          xLabel={fieldLabel(x()!)}
          yLabel={fieldLabel(y()!)}
          logX={props.params.logx === '1'}
          logY={props.params.logy === '1'}
          data={data()}
        />
      </section>
    </Show>
  );
}

/** Parallel coordinates of params (URL param `axes`) → a metric (`metric`). */
export function ParallelView(props: ViewProps) {
  const runs = () => props.runs.map((r) => r.run);
  const params = createMemo(() => keysOf(runs(), 'param').map((key) => ({ kind: 'param' as const, key })));
  const metrics = createMemo(() => metricFields(props.runs));
  const metric = () => chosen(props, 'metric', metrics(), metrics()[0]);
  /** Default axes: params whose values differ between runs (at most 6), as MLflow starts with. */
  const axes = createMemo(() => {
    const listed = props.params.axes?.split(',').filter((k) => params().some((p) => p.key === k));
    if (listed) return listed;
    const varying = params().filter((p) => props.runs.length < 2 || differs(runs(), p));
    return (varying.length ? varying : params()).slice(0, 6).map((p) => p.key);
  });
  const toggle = (key: string, on: boolean) => {
    const next = on ? params().map((p) => p.key).filter((k) => k === key || axes().includes(k)) : axes().filter((k) => k !== key);
    props.set({ axes: next.join(',') });
  };
  return (
    <Show when={params().length > 0 && metric()} fallback={<EmptyState title="Nothing to plot">Parallel coordinates need params and a metric on these runs.</EmptyState>}>
      <section class="panel-card" aria-label="Parallel coordinates">
        <div class="chart-controls">
          <fieldset class="control checks">
            <legend>Params</legend>
            <For each={params()}>
              {(p) => (
                <label class="control-check">
                  <input type="checkbox" checked={axes().includes(p.key)} onChange={(e) => toggle(p.key, e.currentTarget.checked)} />
                  <span>{p.key}</span>
                </label>
              )}
            </For>
          </fieldset>
          <FieldSelect label="Metric" fields={metrics()} value={metric()} onChange={(f) => props.set({ metric: fieldId(f) })} />
        </div>
        <ParallelCoordinates
          axes={[...axes(), metric()!.key]}
          runs={props.runs.map((c) => ({
            runId: c.run.info.runId,
            name: runName(c),
            values: [...axes().map((key) => fieldValue(c.run, { kind: 'param', key })), fieldValue(c.run, metric()!)],
          }))}
        />
      </section>
    </Show>
  );
}

/** Contour of a metric (`z`) over two numeric fields (`x`, `y`). */
export function ContourView(props: ViewProps) {
  const runs = () => props.runs.map((r) => r.run);
  const numeric = createMemo(() => numericFields(runs(), axisFields(runs())));
  /** Default axes: numeric params whose values differ, as a flat param makes a degenerate contour. */
  const paramsNum = () => {
    const ps = numeric().filter((f) => f.kind === 'param');
    return [...ps.filter((f) => differs(runs(), f)), ...ps.filter((f) => !differs(runs(), f))];
  };
  const metrics = createMemo(() => metricFields(props.runs));
  const x = () => chosen(props, 'x', numeric(), paramsNum()[0] ?? numeric()[0]);
  const y = () => chosen(props, 'y', numeric(), paramsNum()[1] ?? numeric()[1]);
  const z = () => chosen(props, 'z', metrics(), metrics()[0]);
  const data = () =>
    props.runs.flatMap((c) => {
      const [vx, vy, vz] = [x(), y(), z()].map((f) => (f ? asNumber(fieldValue(c.run, f)) : undefined));
      return vx === undefined || vy === undefined || vz === undefined ? [] : [{ runId: c.run.info.runId, name: runName(c), x: vx, y: vy, z: vz }];
    });
  return (
    <Show when={x() && y() && z()} fallback={<EmptyState title="Nothing to plot">A contour needs two numeric params (or metrics) and a metric.</EmptyState>}>
      <section class="panel-card" aria-label="Contour plot">
        <div class="chart-controls">
          <FieldSelect label="X axis" fields={numeric()} value={x()} onChange={(f) => props.set({ x: fieldId(f) })} />
          <FieldSelect label="Y axis" fields={numeric()} value={y()} onChange={(f) => props.set({ y: fieldId(f) })} />
          <FieldSelect label="Z (colour)" fields={metrics()} value={z()} onChange={(f) => props.set({ z: fieldId(f) })} />
        </div>
        <ContourChart data={data()} xLabel={fieldLabel(x()!)} yLabel={fieldLabel(y()!)} zLabel={z()!.key} />
      </section>
    </Show>
  );
}

/** A log-scale checkbox, disabled (with the reason as its title) when some value is not a positive number. */
function LogToggle(props: { label: string; on: boolean; usable: boolean; set: (on: boolean) => void }) {
  return (
    <label class="control control-check" title={props.usable ? undefined : 'Needs positive numbers only'}>
      <input type="checkbox" checked={props.on && props.usable} disabled={!props.usable} onChange={(e) => props.set(e.currentTarget.checked)} />
      <span>{props.label}</span>
    </label>
  );
}
