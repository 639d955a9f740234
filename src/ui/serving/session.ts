/**
 * The page's side of serving: one inference worker per tab (models stay loaded in it, keyed by version, so
 * coming back to a model is instant), the example request a model folder carries, and request latency timed
 * from the page — what a user waits for, worker round trip included — kept per model for the session.
 */
import { isMlflowError } from '../../core/errors';
import { parseMlModel, type MlModel } from '../../models/mlmodel';
import { servingRequestFromExample } from '../../models/input-example';
import type { ModelFiles } from '../../models/model-folder';
import { createInferenceClient, type InferenceClient, type ModelInfo } from '../../workers/inference-client';
import { makeLatencyRecorder, type LatencyRecorder } from '../../workers/latency';
import type { ServableModel } from './model-source';

let worker: InferenceClient | undefined;

/** The tab's inference worker, started on first use. */
export function inference(): InferenceClient {
  return (worker ??= createInferenceClient());
}

/** A model as the serving page shows it. */
export interface ServingModel {
  model: ServableModel;
  info: ModelInfo;
  mlmodel: MlModel | null;
  /** The model's example as a scoring request, or null when it has none (or it can't be read). */
  example: Record<string, unknown> | null;
  /** Why the example was left out, when it was. */
  exampleProblem?: string;
}

const text = (files: ModelFiles, path: string): string | undefined =>
  files[path] ? new TextDecoder().decode(files[path]) : undefined;

function exampleOf(files: ModelFiles, mlmodel: MlModel | null): { example: Record<string, unknown> | null; problem?: string } {
  const info = mlmodel?.saved_input_example_info;
  if (!info) return { example: null };
  try {
    const main = text(files, info.artifact_path);
    const serving = info.serving_input_path ? text(files, info.serving_input_path) : undefined;
    if (main === undefined && serving === undefined) return { example: null, problem: `MLmodel names ${info.artifact_path}, but the file is missing.` };
    return { example: servingRequestFromExample(info, main ?? '', serving) };
  } catch (e) {
    return { example: null, problem: (e as Error).message };
  }
}

/** Models kept loaded in the worker; opening one more unloads the least recently opened. */
export const MAX_LOADED = 4;
const recent: string[] = [];

function touch(versionKey: string): void {
  const i = recent.indexOf(versionKey);
  if (i >= 0) recent.splice(i, 1);
  recent.push(versionKey);
  while (recent.length > MAX_LOADED) void inference().unloadModel(recent.shift()!);
}

/** Loads `model` into the worker unless it is there already; reads its MLmodel and example here. */
export async function openModel(model: ServableModel): Promise<ServingModel> {
  const mlText = text(model.files, 'MLmodel');
  const mlmodel = mlText === undefined ? null : parseMlModel(mlText);
  const { example, problem } = exampleOf(model.files, mlmodel);
  const client = inference();
  let info: ModelInfo;
  try {
    info = await client.getModel(model.versionKey);
  } catch (e) {
    if (!isMlflowError(e, 'RESOURCE_DOES_NOT_EXIST')) throw e;
    info = await client.loadModel(model.versionKey, { kind: 'folder', files: model.files });
  }
  touch(model.versionKey);
  return { model, info, mlmodel, example, exampleProblem: problem };
}

const sessions = new Map<string, LatencyRecorder>();

/** Page-timed request durations of one model in this tab (ms). */
export function pageLatency(versionKey: string): LatencyRecorder {
  let r = sessions.get(versionKey);
  if (!r) sessions.set(versionKey, (r = makeLatencyRecorder()));
  return r;
}
