/**
 * The demo tasks, with datasets shipped in the app (public/datasets/, precached by the service worker: nothing
 * is downloaded at run time). Provenance of each file: public/datasets/PROVENANCE.md.
 */
import { notFound } from '../core/errors';
import type { TaskType } from './dataset';
import type { HyperParams } from './spec';

export interface DemoTask {
  id: string;
  title: string;
  summary: string;
  /** File under public/datasets/. */
  file: string;
  target: string;
  task: TaskType;
  /** Image tasks: the features are pixels of this shape, scaled by `scale` for training. */
  image?: { shape: number[]; scale: number };
  rows: number;
  /** Where the data came from, in one line (full note in PROVENANCE.md). */
  source: string;
  defaults: HyperParams;
}

const base = { activation: 'relu', dropout: 0, conv_filters: 0, optimizer: 'adam', validation_split: 0.2, seed: 42 } as const;

export const DEMO_TASKS: readonly DemoTask[] = [
  {
    id: 'iris',
    title: 'Iris species',
    summary: 'Classify 150 iris flowers into 3 species from 4 measurements. A small MLP.',
    file: 'iris.csv',
    target: 'species',
    task: 'classification',
    rows: 150,
    source: "Fisher's iris data, from the TensorFlow iris CSVs in MLflow's test resources (Apache-2.0)",
    defaults: { ...base, hidden_units: [16], learning_rate: 0.02, epochs: 60, batch_size: 16 },
  },
  {
    id: 'wine',
    title: 'Red wine quality',
    summary: "Predict a quality score (0–10) of 1,599 red wines from 11 lab measurements. Regression, as in MLflow's classic example.",
    file: 'winequality-red.csv',
    target: 'quality',
    task: 'regression',
    rows: 1599,
    source: "UCI Wine Quality (red), from MLflow's test datasets (Cortez et al., 2009; CC BY 4.0)",
    defaults: { ...base, hidden_units: [64, 32], dropout: 0.1, learning_rate: 0.005, epochs: 40, batch_size: 32 },
  },
  {
    id: 'digits',
    title: 'Digits 8×8',
    summary: 'Recognise 1,797 handwritten digits (0–9) from 8×8 grey-level images. A small CNN.',
    file: 'digits.csv',
    target: 'digit',
    task: 'classification',
    image: { shape: [8, 8, 1], scale: 1 / 16 },
    rows: 1797,
    source: "scikit-learn's bundled load_digits data (UCI optical digits; BSD-3-Clause)",
    defaults: { ...base, hidden_units: [64], dropout: 0.25, conv_filters: 16, learning_rate: 0.005, epochs: 15, batch_size: 32 },
  },
];

/** The demo with this id; RESOURCE_DOES_NOT_EXIST otherwise. */
export function getDemoTask(id: string): DemoTask {
  const t = DEMO_TASKS.find((d) => d.id === id);
  if (!t) throw notFound(`There is no demo task '${id}'; the demos are ${DEMO_TASKS.map((d) => d.id).join(', ')}.`);
  return t;
}
