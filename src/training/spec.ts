/**
 * What a training run is asked to do, as plain data that crosses the worker boundary: the data, the
 * hyperparameters, the backend. Hyperparameters are logged as MLflow params under the snake_case names below.
 */
import { invalidParam } from '../core/errors';
import type { ExperimentId } from '../core/ids';
import { ACTIVATIONS, OPTIMIZERS, type Activation, type BackendChoice, type OptimizerName } from '../models/flavors/tfjs/options';
import type { TaskType } from './dataset';

export type { Activation, OptimizerName, BackendChoice };

/** Hyperparameters; each key is also the MLflow param name. */
export interface HyperParams {
  /** Units of each hidden dense layer, e.g. [64, 32]; logged as "64,32". */
  hidden_units: number[];
  activation: Activation;
  dropout: number;
  /** Filters of the conv block (image tasks only; 0 = none). */
  conv_filters: number;
  optimizer: OptimizerName;
  learning_rate: number;
  epochs: number;
  batch_size: number;
  validation_split: number;
  seed: number;
}

/** Where the data comes from: a demo shipped with the app, or a CSV the user chose. */
export type DataSource =
  | { kind: 'demo'; id: string }
  | { kind: 'csv'; name: string; text: string; target: string; task: TaskType };

export interface TrainingRequest {
  experimentId: ExperimentId;
  data: DataSource;
  params: HyperParams;
  backend: BackendChoice;
  /** Default: an MLflow-style generated name. */
  runName?: string;
}

/** Inclusive bounds of the numeric hyperparameters. */
export const LIMITS = {
  units: [1, 1024],
  layers: [0, 8],
  dropout: [0, 0.9],
  conv_filters: [0, 128],
  learning_rate: [1e-6, 10],
  epochs: [1, 1000],
  batch_size: [1, 4096],
  validation_split: [0.05, 0.9],
  seed: [0, 2 ** 31 - 1],
} as const;

function checkRange(name: string, v: number, [lo, hi]: readonly [number, number], integer = false): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < lo || v > hi || (integer && !Number.isInteger(v))) {
    throw invalidParam(`${name} must be ${integer ? 'a whole number' : 'a number'} from ${lo} to ${hi}, got ${JSON.stringify(v)}.`);
  }
}

/** Throws INVALID_PARAMETER_VALUE naming the first hyperparameter out of range. */
export function validateParams(p: HyperParams): HyperParams {
  if (!Array.isArray(p.hidden_units)) throw invalidParam('hidden_units must be a list of layer sizes, e.g. 64,32.');
  checkRange('The number of hidden layers', p.hidden_units.length, LIMITS.layers, true);
  p.hidden_units.forEach((u) => checkRange('Units per layer', u, LIMITS.units, true));
  if (!ACTIVATIONS.includes(p.activation)) throw invalidParam(`activation must be one of ${ACTIVATIONS.join(', ')}, got '${p.activation}'.`);
  if (!OPTIMIZERS.includes(p.optimizer)) throw invalidParam(`optimizer must be one of ${OPTIMIZERS.join(', ')}, got '${p.optimizer}'.`);
  checkRange('dropout', p.dropout, LIMITS.dropout);
  checkRange('conv_filters', p.conv_filters, LIMITS.conv_filters, true);
  checkRange('learning_rate', p.learning_rate, LIMITS.learning_rate);
  checkRange('epochs', p.epochs, LIMITS.epochs, true);
  checkRange('batch_size', p.batch_size, LIMITS.batch_size, true);
  checkRange('validation_split', p.validation_split, LIMITS.validation_split);
  checkRange('seed', p.seed, LIMITS.seed, true);
  return p;
}

/** "64,32" ↔ [64, 32]. An empty string is no hidden layer. */
export const formatUnits = (u: number[]): string => u.join(',');
export function parseUnits(text: string): number[] {
  const t = text.trim();
  if (t === '') return [];
  const parts = t.split(/[\s,]+/).map(Number);
  if (parts.some((n) => !Number.isInteger(n))) throw invalidParam(`Hidden units must be whole numbers separated by commas, e.g. 64,32; got '${text}'.`);
  return parts;
}

/** The params logged for a run: every hyperparameter as MLflow stores it (strings). */
export function paramsToLog(p: HyperParams, image: boolean): Record<string, string> {
  const out: Record<string, string> = {
    hidden_units: formatUnits(p.hidden_units),
    hidden_layers: String(p.hidden_units.length),
    activation: p.activation,
    dropout: String(p.dropout),
    optimizer: p.optimizer,
    learning_rate: String(p.learning_rate),
    epochs: String(p.epochs),
    batch_size: String(p.batch_size),
    validation_split: String(p.validation_split),
    seed: String(p.seed),
  };
  if (image) out.conv_filters = String(p.conv_filters);
  return out;
}
