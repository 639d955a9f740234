/**
 * The "New training run" form as view state, and its conversion into a TrainingRequest (and SweepSpec).
 * Field values are kept as typed by the user; numbers are parsed and checked only on submit, by the training
 * domain's own validation, so the form and the worker agree on every rule and message.
 */
import { createStore } from 'solid-js/store';
import { invalidParam } from '../../../core/errors';
import type { ExperimentId } from '../../../core/ids';
import type { Activation, BackendChoice, OptimizerName } from '../../../models/flavors/tfjs/options';
import type { CsvInspection, TaskType } from '../../../training/dataset';
import { getDemoTask } from '../../../training/demos';
import { formatUnits, parseUnits, validateParams, type HyperParams, type TrainingRequest } from '../../../training/spec';
import { expandSweep, parseSweepValues, type SweepKey, type SweepSpec } from '../../../training/sweep';

export type SourceChoice = 'iris' | 'wine' | 'digits' | 'csv';

export interface CsvChoice {
  name: string;
  text: string;
  inspection: CsvInspection;
  target: string;
  task: TaskType;
}

export interface TrainFormState {
  source: SourceChoice;
  csv: CsvChoice | null;
  hidden_units: string;
  activation: Activation;
  dropout: string;
  conv_filters: string;
  optimizer: OptimizerName;
  learning_rate: string;
  epochs: string;
  batch_size: string;
  validation_split: string;
  seed: string;
  backend: BackendChoice;
  experimentId: ExperimentId;
  runName: string;
  sweep: { on: boolean; mode: 'grid' | 'random'; trials: string; dims: { key: SweepKey; text: string }[] };
}

/** Hyperparameter fields as the form shows them. */
export function paramsToFields(p: HyperParams): Pick<TrainFormState, 'hidden_units' | 'activation' | 'dropout' | 'conv_filters' | 'optimizer' | 'learning_rate' | 'epochs' | 'batch_size' | 'validation_split' | 'seed'> {
  return {
    hidden_units: formatUnits(p.hidden_units), activation: p.activation, dropout: String(p.dropout), conv_filters: String(p.conv_filters),
    optimizer: p.optimizer, learning_rate: String(p.learning_rate), epochs: String(p.epochs), batch_size: String(p.batch_size),
    validation_split: String(p.validation_split), seed: String(p.seed),
  };
}

/** A fresh form on the Iris demo with its defaults. */
export function createTrainForm() {
  return createStore<TrainFormState>({
    source: 'iris',
    csv: null,
    ...paramsToFields(getDemoTask('iris').defaults),
    backend: 'auto',
    experimentId: '0',
    runName: '',
    sweep: { on: false, mode: 'grid', trials: '4', dims: [{ key: 'learning_rate', text: '0.005, 0.05' }, { key: 'hidden_units', text: '8 | 32' }] },
  });
}

const num = (name: string, text: string): number => {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v)) throw invalidParam(`${name} must be a number, got '${text}'.`);
  return v;
};

/** The request the form describes. Throws INVALID_PARAMETER_VALUE with the first problem. */
export function formToRequest(f: TrainFormState): { request: TrainingRequest; sweep: SweepSpec | null; trials: number } {
  const params = validateParams({
    hidden_units: parseUnits(f.hidden_units), activation: f.activation, dropout: num('Dropout', f.dropout),
    conv_filters: f.source === 'digits' ? num('Conv filters', f.conv_filters) : 0, optimizer: f.optimizer,
    learning_rate: num('Learning rate', f.learning_rate), epochs: num('Epochs', f.epochs), batch_size: num('Batch size', f.batch_size),
    validation_split: num('Validation split', f.validation_split), seed: num('Seed', f.seed),
  });
  let data: TrainingRequest['data'];
  if (f.source === 'csv') {
    if (!f.csv) throw invalidParam('Choose a CSV file first.');
    data = { kind: 'csv', name: f.csv.name, text: f.csv.text, target: f.csv.target, task: f.csv.task };
  } else data = { kind: 'demo', id: f.source };
  const request: TrainingRequest = { experimentId: f.experimentId, data, params, backend: f.backend, runName: f.runName.trim() || undefined };
  if (!f.sweep.on) return { request, sweep: null, trials: 1 };
  const sweep: SweepSpec = {
    mode: f.sweep.mode,
    dims: f.sweep.dims.map((d) => parseSweepValues(d.key, d.text)),
    trials: f.sweep.mode === 'random' ? num('Trials', f.sweep.trials) : undefined,
  };
  return { request, sweep, trials: expandSweep(params, sweep).length };
}
