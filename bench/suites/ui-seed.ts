/**
 * Seeds the runs the `ui` suite's table figures read: one experiment of N runs, each with 10 params, 8 latest
 * metrics, 2 tags and MLflow's system tags (run name, user, source); runs 1–4 of every 50 are children of run 0
 * (nested sweeps). Deterministic (seeded). The experiment is created through the client; the runs are written
 * with one bulkAdd of the rows `createRun` + `logBatch` + `setTerminated` would leave (the table reads run rows
 * only, never metric histories), so setting up 10,000 runs takes seconds instead of minutes on a shared machine.
 * `checkSeed` compares a seeded run read back through the client with what the client itself writes.
 */
import type { ExperimentId, RunId } from '../../src/core/ids';
import { newRunId } from '../../src/core/ids';
import { ARTIFACT_SCHEME, openDb } from '../../src/storage';
import type { RunRow } from '../../src/storage/rows';
import type { TrackingClient } from '../../src/tracking/api';
import type { MetricSummary } from '../../src/tracking/entities';
import { seeded } from '../measure';

/** 2026-01-01T00:00:00Z; run i starts i minutes later. */
const T0 = Date.UTC(2026, 0, 1);
const OPTIMIZERS = ['adam', 'sgd', 'rmsprop', 'adamw'];
export const METRIC_KEYS = ['loss', 'val_loss', 'accuracy', 'val_accuracy', 'f1', 'auc', 'epoch_time_s', 'lr_final'];

export interface Seeded {
  experimentId: ExperimentId;
  runIds: RunId[];
}

function row(rnd: () => number, i: number, experimentId: string, runIds: RunId[]): RunRow {
  const runId = newRunId();
  const start = T0 + i * 60_000;
  const parent = i % 50 >= 1 && i % 50 <= 4 ? runIds[i - (i % 50)] : undefined;
  const params = new Map<string, string>([
    ['optimizer', OPTIMIZERS[i % OPTIMIZERS.length]],
    ['lr', String([0.1, 0.03, 0.01, 0.003, 0.001][Math.floor(rnd() * 5)])],
    ['batch_size', String([32, 64, 128, 256][Math.floor(rnd() * 4)])],
  ]);
  for (let p = 0; p < 7; p++) params.set(`p${p}`, `v${Math.floor(rnd() * 100)}`);
  const metrics = new Map<string, MetricSummary>();
  for (const key of METRIC_KEYS) {
    const value = Math.round(rnd() * 1e6) / 1e6;
    metrics.set(key, { value, timestamp: start + 300_000, step: 100, min: value, max: value, count: 1 });
  }
  const name = `run-${String(i).padStart(5, '0')}`;
  const tags = new Map<string, string>([
    ['team', ['vision', 'nlp', 'tabular'][i % 3]],
    ['dataset', `ds-${i % 7}`],
    ['mlflow.source.name', 'train.py'],
    ['mlflow.source.type', 'LOCAL'],
    ['mlflow.runName', name],
    ['mlflow.user', 'bench'],
  ]);
  if (parent) tags.set('mlflow.parentRunId', parent);
  return {
    runId, experimentId, runName: name, userId: 'bench', status: i % 97 === 0 ? 'FAILED' : 'FINISHED',
    startTime: start, endTime: start + 600_000, artifactUri: `${ARTIFACT_SCHEME}/${experimentId}/${runId}/artifacts`,
    lifecycleStage: 'active', deletedTime: null, params, tags, metrics, datasetInputs: [],
  };
}

/** Creates `name` (through the client) with `n` runs in database `dbName`. */
export async function seedRuns(client: TrackingClient, dbName: string, name: string, n: number): Promise<Seeded> {
  const rnd = seeded(20261128);
  const experimentId = await client.createExperiment(name);
  const runIds: RunId[] = [];
  const rows: RunRow[] = [];
  for (let i = 0; i < n; i++) {
    const r = row(rnd, i, experimentId, runIds);
    runIds.push(r.runId);
    rows.push(r);
  }
  const db = openDb({ name: dbName });
  try {
    await db.runs.bulkAdd(rows);
  } finally {
    db.close();
  }
  return { experimentId, runIds };
}

/** Fails unless a seeded run reads back like a run the client logged with the same data. */
export async function checkSeed(client: TrackingClient, seededRun: RunId): Promise<void> {
  const seededRunData = await client.getRun(seededRun);
  const exp = seededRunData.info.experimentId;
  const logged = await client.createRun(exp, { runName: 'check', startTime: seededRunData.info.startTime });
  const params = seededRunData.data.params;
  const metrics = seededRunData.data.metrics;
  const tags = seededRunData.data.tags.filter((t) => !['mlflow.runName', 'mlflow.user'].includes(t.key));
  await client.logBatch(logged.info.runId, { params, metrics, tags });
  await client.setTerminated(logged.info.runId, seededRunData.info.status, seededRunData.info.endTime ?? undefined);
  const back = await client.getRun(logged.info.runId);
  const norm = (r: typeof back) => JSON.stringify({
    params: [...r.data.params].sort((a, b) => a.key.localeCompare(b.key)),
    metrics: [...r.data.metrics].sort((a, b) => a.key.localeCompare(b.key)),
    tags: r.data.tags.filter((t) => t.key !== 'mlflow.runName' && t.key !== 'mlflow.user').sort((a, b) => a.key.localeCompare(b.key)),
    status: r.info.status, endTime: r.info.endTime, startTime: r.info.startTime,
  });
  if (norm(back) !== norm(seededRunData)) throw new Error(`seeded run differs from a logged one:\n${norm(seededRunData)}\n${norm(back)}`);
  await client.deleteRun(logged.info.runId);
}
