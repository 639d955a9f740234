/**
 * From a parsed CSV to training tensors' data: target encoding, one-hot categoricals, a seeded
 * train/validation split, and per-feature normalisation fitted on the training part only.
 *
 * The normalisation is kept as (shift, scale) per encoded input so the saved model can fold it into its first
 * layer and take raw values (see models/flavors/tfjs/layers-model.ts `foldInputNormalization`).
 */
import { invalidParam } from '../core/errors';
import type { CsvTable } from '../models/csv';
import { inferTask, isMissing, isUsableFeature, MAX_CLASSES, numberOf, summarizeColumn, type ColumnSummary, type TaskType } from './dataset';
import { deriveSeed, makeRng, permutation } from '../core/rng';

/** How one CSV column becomes model inputs. */
export type FeatureEncoding =
  | { name: string; kind: 'numeric'; mlflowType: 'long' | 'double'; /** Fills missing cells: the training mean. */ fill: number }
  | { name: string; kind: 'categorical'; /** One-hot order; an unknown category encodes as all zeros. */ categories: string[] };

/** A raw value of the input example: numbers for numeric columns, strings for text, null for a missing cell. */
export type RawValue = number | string | null;

export interface PrepareOptions {
  target: string;
  /** Default: inferred from the target column (dataset.ts `inferTask`). */
  task?: TaskType;
  /** Fraction of rows held out for validation, in [0, 0.9]. */
  validationSplit: number;
  seed: number;
  /** Treat the features as one image of this shape, multiplied by `scale` (digits: [8, 8, 1], 1/16). */
  image?: { shape: number[]; scale: number };
}

export interface PreparedData {
  task: TaskType;
  target: string;
  inputKind: 'table' | 'image';
  /** Shape of one sample: [encoded features] for tables, the image shape otherwise. */
  sampleShape: number[];
  /** Row-major samples, normalised: `(raw - shift) * scale` per encoded input. */
  xTrain: Float32Array;
  /** Class indices (classification) or target values (regression). */
  yTrain: Float32Array;
  xVal: Float32Array;
  yVal: Float32Array;
  nTrain: number;
  nVal: number;
  /** Sorted class labels (numerically when all are numbers), or null for regression. */
  classes: string[] | null;
  /** The feature columns used, in input order. */
  features: FeatureEncoding[];
  /** Per encoded input: subtract `shift`, then multiply by `scale`. */
  shift: Float32Array;
  scale: Float32Array;
  /** Up to five rows of raw feature values (the first rows of the file): the model's input example. */
  example: { columns: string[]; data: RawValue[][] };
  /** What was dropped or skipped on the way, for the user. */
  warnings: string[];
}

const byLabel = (labels: string[]): string[] =>
  labels.every((l) => Number.isFinite(Number(l))) ? labels.sort((a, b) => Number(a) - Number(b)) : labels.sort();

function encodeTarget(rows: string[][], t: number, col: ColumnSummary, task: TaskType): { y: Float32Array; classes: string[] | null } {
  const y = new Float32Array(rows.length);
  if (task === 'regression') {
    if (col.kind !== 'numeric') {
      const bad = rows.find((r) => Number.isNaN(numberOf(r[t])))![t];
      throw invalidParam(`The target column '${col.name}' holds text (e.g. '${bad}'); regression needs numbers. Choose classification or another target.`);
    }
    rows.forEach((r, i) => (y[i] = numberOf(r[t])));
    if (y.every((v) => v === y[0])) throw invalidParam(`The target column '${col.name}' has the same value (${y[0]}) in every row; there is nothing to learn.`);
    return { y, classes: null };
  }
  const classes = byLabel([...new Set(rows.map((r) => r[t].trim()))]);
  if (classes.length < 2) {
    throw invalidParam(`The target column '${col.name}' has only one class ('${classes[0]}'); classification needs at least two.`);
  }
  if (classes.length > MAX_CLASSES) {
    throw invalidParam(`The target column '${col.name}' has more than ${MAX_CLASSES} distinct values; that is too many classes. Choose regression or another target.`);
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  rows.forEach((r, i) => (y[i] = index.get(r[t].trim())!));
  return { y, classes };
}

function chooseFeatures(table: CsvTable, t: number, warnings: string[]): { col: number; summary: ColumnSummary }[] {
  const out: { col: number; summary: ColumnSummary }[] = [];
  const skipped: string[] = [];
  table.header.forEach((_, c) => {
    if (c === t) return;
    const summary = summarizeColumn(table, c);
    if (isUsableFeature(summary)) out.push({ col: c, summary });
    else skipped.push(`'${summary.name}'`);
  });
  if (skipped.length) warnings.push(`Skipped text column${skipped.length > 1 ? 's' : ''} with too many distinct values to one-hot encode: ${skipped.join(', ')}.`);
  if (out.length === 0) {
    throw invalidParam(
      `The file has no numeric features: besides the target '${table.header[t]}', every column is text with too many ` +
        'distinct values to encode (or empty). Add numeric or categorical feature columns.',
    );
  }
  return out;
}

function encodings(rows: string[][], trainIdx: Int32Array, feats: { col: number; summary: ColumnSummary }[]): FeatureEncoding[] {
  return feats.map(({ col, summary }): FeatureEncoding => {
    if (summary.kind === 'categorical') {
      const cats = new Set<string>();
      for (const r of rows) if (!isMissing(r[col])) cats.add(r[col].trim());
      return { name: summary.name, kind: 'categorical', categories: [...cats].sort() };
    }
    let sum = 0;
    let n = 0;
    for (const i of trainIdx) {
      const v = numberOf(rows[i][col]);
      if (!Number.isNaN(v)) (sum += v), n++;
    }
    return { name: summary.name, kind: 'numeric', mlflowType: summary.mlflowType as 'long' | 'double', fill: n ? sum / n : 0 };
  });
}

/** Writes the raw encoding of `row` (numbers, filled gaps, one-hot) into `out` at `at`. */
function encodeRow(row: string[], feats: { col: number }[], enc: FeatureEncoding[], out: Float32Array, at: number): void {
  let k = at;
  enc.forEach((e, f) => {
    const cell = row[feats[f].col];
    if (e.kind === 'numeric') {
      const v = numberOf(cell);
      out[k++] = Number.isNaN(v) ? e.fill : v;
    } else {
      const ci = e.categories.indexOf(cell.trim());
      for (let j = 0; j < e.categories.length; j++) out[k++] = j === ci ? 1 : 0;
    }
  });
}

function fitNormalization(x: Float32Array, n: number, width: number, enc: FeatureEncoding[], image?: PrepareOptions['image']) {
  const shift = new Float32Array(width);
  const scale = new Float32Array(width).fill(image ? image.scale : 1);
  if (image) return { shift, scale };
  let k = 0;
  for (const e of enc) {
    if (e.kind === 'categorical') {
      k += e.categories.length;
      continue;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * width + k];
    mean /= n || 1;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * width + k] - mean) ** 2;
    const std = Math.sqrt(v / (n || 1));
    shift[k] = mean;
    scale[k] = std > 1e-12 ? 1 / std : 1;
    k++;
  }
  return { shift, scale };
}

function gather(rows: string[][], idx: Int32Array, feats: { col: number }[], enc: FeatureEncoding[], width: number) {
  const x = new Float32Array(idx.length * width);
  idx.forEach((r, i) => encodeRow(rows[r], feats, enc, x, i * width));
  return x;
}

function rawExample(rows: string[][], feats: { col: number }[], enc: FeatureEncoding[]): PreparedData['example'] {
  const data = rows.slice(0, 5).map((r) =>
    enc.map((e, f): RawValue => {
      const cell = r[feats[f].col];
      if (isMissing(cell)) return null;
      return e.kind === 'numeric' ? numberOf(cell) : cell.trim();
    }),
  );
  return { columns: enc.map((e) => e.name), data };
}

/** Encodes, splits and normalises a table for training. Throws INVALID_PARAMETER_VALUE with a plain message. */
export function prepareTable(table: CsvTable, o: PrepareOptions): PreparedData {
  const t = table.header.indexOf(o.target);
  if (t < 0) throw invalidParam(`There is no column '${o.target}' in the file; its columns are ${table.header.map((h) => `'${h}'`).join(', ')}.`);
  if (!(o.validationSplit >= 0 && o.validationSplit <= 0.9)) throw invalidParam(`validation_split must be between 0 and 0.9, got ${o.validationSplit}.`);
  const warnings: string[] = [];
  const rows = table.rows.filter((r) => !isMissing(r[t]));
  if (rows.length < table.rows.length) warnings.push(`Dropped ${table.rows.length - rows.length} rows with no '${o.target}' value.`);
  if (rows.length < 2) throw invalidParam(`The target column '${o.target}' has fewer than two values; there is nothing to learn.`);
  const targetCol = summarizeColumn({ ...table, rows }, t);
  const task = o.task ?? inferTask(targetCol);
  const { y, classes } = encodeTarget(rows, t, targetCol, task);
  const feats = chooseFeatures({ ...table, rows }, t, warnings);

  const order = permutation(rows.length, makeRng(deriveSeed(o.seed, 'validation-split')));
  const nVal = o.validationSplit > 0 ? Math.min(rows.length - 1, Math.max(1, Math.round(rows.length * o.validationSplit))) : 0;
  const trainIdx = order.subarray(0, rows.length - nVal);
  const valIdx = order.subarray(rows.length - nVal);
  const enc = encodings(rows, trainIdx, feats);
  const width = enc.reduce((w, e) => w + (e.kind === 'numeric' ? 1 : e.categories.length), 0);
  if (o.image && o.image.shape.reduce((a, b) => a * b, 1) !== width) {
    throw invalidParam(`The image shape [${o.image.shape.join(', ')}] needs ${o.image.shape.reduce((a, b) => a * b, 1)} values per row; the file has ${width}.`);
  }
  const xTrain = gather(rows, trainIdx, feats, enc, width);
  const xVal = gather(rows, valIdx, feats, enc, width);
  const { shift, scale } = fitNormalization(xTrain, trainIdx.length, width, enc, o.image);
  for (const x of [xTrain, xVal]) for (let i = 0; i < x.length; i++) x[i] = (x[i] - shift[i % width]) * scale[i % width];
  return {
    task, target: o.target, inputKind: o.image ? 'image' : 'table', sampleShape: o.image ? o.image.shape : [width],
    xTrain, yTrain: Float32Array.from(trainIdx, (i) => y[i]), xVal, yVal: Float32Array.from(valIdx, (i) => y[i]),
    nTrain: trainIdx.length, nVal, classes, features: enc, shift, scale, example: rawExample(rows, feats, enc), warnings,
  };
}
