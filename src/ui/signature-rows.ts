/**
 * Model signatures as table rows (one per column, tensor or param), and the diff of two signatures, for the
 * version page and the compare page. Pure functions: the components only render them.
 */
import { colTypeName } from '../models/col-types';
import type { ModelSignature, ParamSpec, Schema } from '../models/signature';

export interface SpecRow {
  section: 'inputs' | 'outputs' | 'params';
  /** Column or tensor name; `#0`, `#1` … for unnamed ones, as MLflow numbers them. */
  name: string;
  type: string;
  /** `(-1, 4)` for tensors and shaped params; '' otherwise. */
  shape: string;
  /** Column inputs may be optional; tensors are always required. */
  required: boolean;
  /** A param's default, as JSON. */
  default?: string;
}

const shapeText = (shape: readonly number[] | null | undefined): string => (shape ? `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})` : '');

function schemaRows(section: 'inputs' | 'outputs', schema: Schema | null): SpecRow[] {
  if (!schema) return [];
  if (schema.kind === 'tensor') {
    return schema.inputs.map((t, i) => ({ section, name: t.name ?? `#${i}`, type: `tensor ${t.dtype}`, shape: shapeText(t.shape), required: true }));
  }
  return schema.inputs.map((c, i) => ({ section, name: c.name ?? `#${i}`, type: colTypeName(c.type), shape: '', required: c.required }));
}

const paramRows = (params: ParamSpec[] | null): SpecRow[] =>
  (params ?? []).map((p) => ({
    section: 'params', name: p.name, type: typeof p.type === 'string' ? p.type : colTypeName(p.type),
    shape: shapeText(p.shape), required: false, default: JSON.stringify(p.default),
  }));

/** Every row of a signature, inputs first. */
export function signatureRows(sig: ModelSignature): SpecRow[] {
  return [...schemaRows('inputs', sig.inputs), ...schemaRows('outputs', sig.outputs), ...paramRows(sig.params)];
}

export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  section: SpecRow['section'];
  name: string;
  a?: SpecRow;
  b?: SpecRow;
  kind: DiffKind;
}

const describe = (r: SpecRow): string => `${r.type}|${r.shape}|${r.required}|${r.default ?? ''}`;

/** Rows matched by section and name, in A's order then B's extras. A missing signature counts as empty. */
export function diffSignatures(a: ModelSignature | null, b: ModelSignature | null): DiffRow[] {
  const ra = a ? signatureRows(a) : [];
  const rb = b ? signatureRows(b) : [];
  const key = (r: SpecRow) => `${r.section}\u0000${r.name}`;
  const inB = new Map(rb.map((r) => [key(r), r]));
  const out: DiffRow[] = ra.map((r) => {
    const other = inB.get(key(r));
    inB.delete(key(r));
    return { section: r.section, name: r.name, a: r, b: other, kind: !other ? 'removed' : describe(r) === describe(other) ? 'same' : 'changed' };
  });
  for (const r of inB.values()) out.push({ section: r.section, name: r.name, b: r, kind: 'added' });
  const order = { inputs: 0, outputs: 1, params: 2 };
  return out.sort((x, y) => order[x.section] - order[y.section]);
}
