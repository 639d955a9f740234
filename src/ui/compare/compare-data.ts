/**
 * The comparison model: runs as rows of fields (params, latest metrics, tags), and the field lists the
 * compare views offer. Pure functions over `Run` entities.
 */
import type { Run } from '../../tracking/entities';
import { asNumber, type FieldValue } from '../charts/axis-scale';

/** Where a field lives on a run. */
export type FieldKind = 'param' | 'metric' | 'tag';

/** A column of the comparison: `metric:loss`, `param:lr`, `tag:team`. */
export interface Field {
  kind: FieldKind;
  key: string;
}

/** A field as a URL-safe id, `kind:key`. */
export const fieldId = (f: Field): string => `${f.kind}:${f.key}`;
/** A field as an axis label: metrics by key, params and tags prefixed. */
export const fieldLabel = (f: Field): string => (f.kind === 'metric' ? f.key : `${f.kind === 'param' ? 'param' : 'tag'} ${f.key}`);

/** Parses `metric:loss` (the key may itself contain ':'). */
export function parseFieldId(id: string | undefined): Field | undefined {
  if (!id) return undefined;
  const at = id.indexOf(':');
  const kind = id.slice(0, at);
  if (kind !== 'param' && kind !== 'metric' && kind !== 'tag') return undefined;
  return { kind, key: id.slice(at + 1) };
}

/** A run's value of a field: a metric's latest value, or a param's/tag's string. */
export function fieldValue(run: Run, f: Field): FieldValue {
  const list = f.kind === 'metric' ? run.data.metrics : f.kind === 'param' ? run.data.params : run.data.tags;
  const hit = list.find((e) => e.key === f.key);
  return hit === undefined ? undefined : (hit.value as number | string);
}

/** Sorted distinct keys of one kind over all runs. System tags (`mlflow.*`) are left out of tag lists. */
export function keysOf(runs: readonly Run[], kind: FieldKind): string[] {
  const keys = new Set<string>();
  for (const r of runs) {
    const list = kind === 'metric' ? r.data.metrics : kind === 'param' ? r.data.params : r.data.tags;
    for (const e of list) if (kind !== 'tag' || !e.key.startsWith('mlflow.')) keys.add(e.key);
  }
  return [...keys].sort((a, b) => a.localeCompare(b));
}

/** Fields whose values are numeric in every run that has them (and at least one has): usable on a numeric axis. */
export function numericFields(runs: readonly Run[], fields: readonly Field[]): Field[] {
  return fields.filter((f) => {
    const vals = runs.map((r) => fieldValue(r, f)).filter((v) => v !== undefined);
    return vals.length > 0 && vals.every((v) => asNumber(v) !== undefined);
  });
}

/** Params then metrics: what scatter and parallel-coordinate axes offer. */
export function axisFields(runs: readonly Run[]): Field[] {
  return [
    ...keysOf(runs, 'param').map((key) => ({ kind: 'param' as const, key })),
    ...keysOf(runs, 'metric').map((key) => ({ kind: 'metric' as const, key })),
  ];
}

/** True when the runs do not all hold the same value (a missing value counts as different). */
export function differs(runs: readonly Run[], f: Field): boolean {
  const first = fieldValue(runs[0], f);
  return runs.some((r) => fieldValue(r, f) !== first);
}
