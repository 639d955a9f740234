/** Experiment operations, with the SQL store's rules and messages (mlflow/store/tracking/sqlalchemy_store.py). */
import { alreadyExists, invalidParam, MlflowError, notFound } from '../core/errors';
import { nowMs } from '../core/time';
import { ARTIFACT_SCHEME, type ExperimentRow } from '../storage';
import type { TrackingContext } from './context';
import { experimentFromRow, toKeyValues } from './convert';
import type { Experiment, KeyValue, PagedList, ViewType } from './entities';
import type { SearchExperimentsOptions } from './api';
import { searchExperimentRows } from './search';
import { experimentNotActiveStateMessage, validateExperimentArtifactLocation, validateExperimentName, validateExperimentTag } from './validation';

const ID_COUNTER = 'nextExperimentId';

export function stagesOf(view: ViewType = 'ACTIVE_ONLY'): ('active' | 'deleted')[] {
  if (view === 'ACTIVE_ONLY') return ['active'];
  if (view === 'DELETED_ONLY') return ['deleted'];
  if (view === 'ALL') return ['active', 'deleted'];
  throw invalidParam(`Invalid view type '${String(view)}'. Valid values are ACTIVE_ONLY, DELETED_ONLY, ALL.`);
}

export async function createExperiment(
  ctx: TrackingContext, name: string, opts: { artifactLocation?: string; tags?: Record<string, string> | KeyValue[] } = {},
): Promise<string> {
  validateExperimentName(name);
  if (opts.artifactLocation) validateExperimentArtifactLocation(opts.artifactLocation);
  const tags = toKeyValues(opts.tags);
  for (const t of tags) validateExperimentTag(t.key, t.value);
  const { db } = ctx;
  return db.transaction('rw', db.experiments, db.meta, async () => {
    if (await db.experiments.where('name').equals(name).count()) {
      throw alreadyExists(`Experiment(name=${name}) already exists.`);
    }
    // Sequential ids like MLflow's SQL store; a counter row survives deletes and skips imported ids.
    let next = Number((await db.meta.get(ID_COUNTER))?.value ?? 1);
    while (await db.experiments.get(String(next))) next++;
    const experimentId = String(next);
    await db.meta.put({ key: ID_COUNTER, value: next + 1 });
    const now = nowMs();
    await db.experiments.add({
      experimentId,
      name,
      artifactLocation: opts.artifactLocation || `${ARTIFACT_SCHEME}/${experimentId}`,
      lifecycleStage: 'active',
      creationTime: now,
      lastUpdateTime: now,
      tags: new Map(tags.map((t) => [t.key, t.value])),
    });
    return experimentId;
  });
}

/** Writes need an active experiment (SqlAlchemyStore `_check_experiment_is_active`). */
export function checkExperimentActive(row: ExperimentRow): void {
  if (row.lifecycleStage !== 'active') throw invalidParam(experimentNotActiveStateMessage(row.experimentId, row.lifecycleStage));
}

export async function getExperimentRow(ctx: TrackingContext, experimentId: string): Promise<ExperimentRow> {
  const row = typeof experimentId === 'string' ? await ctx.db.experiments.get(experimentId) : undefined;
  if (!row) throw notFound(`No Experiment with id=${experimentId} exists`);
  return row;
}

export async function getExperiment(ctx: TrackingContext, experimentId: string): Promise<Experiment> {
  return experimentFromRow(await getExperimentRow(ctx, experimentId));
}

export async function getExperimentByName(ctx: TrackingContext, name: string): Promise<Experiment | null> {
  const row = await ctx.db.experiments.where('name').equals(name).first();
  return row ? experimentFromRow(row) : null;
}

export async function searchExperiments(ctx: TrackingContext, opts: SearchExperimentsOptions = {}): Promise<PagedList<Experiment>> {
  const stages = stagesOf(opts.viewType);
  const rows = await ctx.db.experiments.where('lifecycleStage').anyOf(stages).toArray();
  const page = searchExperimentRows(rows, opts);
  return { items: page.rows.map(experimentFromRow), nextPageToken: page.nextPageToken };
}

/** Applies `change` to one experiment inside a transaction that also covers its runs. */
async function updateExperiment(
  ctx: TrackingContext, experimentId: string, change: (row: ExperimentRow) => Promise<void> | void,
): Promise<void> {
  const { db } = ctx;
  await db.transaction('rw', db.experiments, db.runs, async () => {
    const row = await getExperimentRow(ctx, experimentId);
    await change(row);
    row.lastUpdateTime = nowMs();
    await db.experiments.put(row);
  });
}

export function renameExperiment(ctx: TrackingContext, experimentId: string, newName: string): Promise<void> {
  validateExperimentName(newName);
  return updateExperiment(ctx, experimentId, async (row) => {
    if (row.lifecycleStage !== 'active') throw new MlflowError('INVALID_STATE', 'Cannot rename a non-active experiment.');
    if (row.name === newName) return;
    if (await ctx.db.experiments.where('name').equals(newName).count()) {
      throw alreadyExists(`Experiment(name=${newName}) already exists.`);
    }
    row.name = newName;
  });
}

/** Soft delete: the experiment and all its runs become `deleted` (SQL store semantics). */
export function deleteExperiment(ctx: TrackingContext, experimentId: string): Promise<void> {
  return setExperimentStage(ctx, experimentId, 'deleted');
}

export function restoreExperiment(ctx: TrackingContext, experimentId: string): Promise<void> {
  return setExperimentStage(ctx, experimentId, 'active');
}

function setExperimentStage(ctx: TrackingContext, experimentId: string, stage: 'active' | 'deleted'): Promise<void> {
  return updateExperiment(ctx, experimentId, async (row) => {
    // MLflow looks the experiment up in the opposite stage only, so a wrong stage reads as "does not exist".
    if (row.lifecycleStage === stage) throw notFound(`No Experiment with id=${experimentId} exists`);
    row.lifecycleStage = stage;
    const now = nowMs();
    await ctx.db.runs.where('experimentId').equals(experimentId).modify((run) => {
      run.lifecycleStage = stage;
      run.deletedTime = stage === 'deleted' ? now : null;
      if (stage === 'deleted') ctx.activeRuns.delete(run.runId);
    });
  });
}

export function setExperimentTag(ctx: TrackingContext, experimentId: string, key: string, value: string): Promise<void> {
  validateExperimentTag(key, value);
  return updateExperiment(ctx, experimentId, (row) => {
    checkExperimentActive(row);
    row.tags.set(key, value);
  });
}

export function deleteExperimentTag(ctx: TrackingContext, experimentId: string, key: string): Promise<void> {
  return updateExperiment(ctx, experimentId, (row) => {
    checkExperimentActive(row);
    if (!row.tags.has(key)) throw notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
    row.tags.delete(key);
  });
}
