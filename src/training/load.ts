/**
 * Turning a DataSource into prepared training data plus the MLflow dataset input the run records
 * (`mlflow.data.from_pandas(...)` → `log_input(dataset, context="training")`).
 */
import { invalidParam } from '../core/errors';
import type { DatasetInput } from '../tracking/entities';
import { inspectCsv, type TaskType } from './dataset';
import { getDemoTask, type DemoTask } from './demos';
import { prepareTable, type PreparedData } from './prepare';
import type { DataSource, HyperParams } from './spec';

export interface LoadedData {
  prepared: PreparedData;
  /** Dataset name as logged: the demo id, or the file name without `.csv`. */
  name: string;
  demo: DemoTask | null;
  datasetInput: DatasetInput;
}

/** Reads a shipped demo file (the worker fetches it from the precache; tests read the disk). */
export type DemoLoader = (file: string) => Promise<string>;

async function digestOf(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return [...bytes.slice(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Loads, checks and prepares the data of a request. Throws INVALID_PARAMETER_VALUE for unusable data. */
export async function loadData(source: DataSource, params: HyperParams, loadDemo: DemoLoader): Promise<LoadedData> {
  let text: string;
  let fileName: string;
  let target: string;
  let task: TaskType;
  let demo: DemoTask | null = null;
  if (source.kind === 'demo') {
    demo = getDemoTask(source.id);
    text = await loadDemo(demo.file);
    fileName = demo.file;
    target = demo.target;
    task = demo.task;
  } else {
    if (typeof source.text !== 'string') throw invalidParam('No CSV text was given.');
    text = source.text;
    fileName = source.name;
    target = source.target;
    task = source.task;
  }
  const { table, inspection } = inspectCsv(text, fileName);
  const prepared = prepareTable(table, {
    target, task, validationSplit: params.validation_split, seed: params.seed, image: demo?.image,
  });
  const name = demo ? demo.id : fileName.replace(/\.csv$/i, '') || 'dataset';
  const colspec = inspection.columns.map((c) => ({ type: c.mlflowType, name: c.name, required: true }));
  const datasetInput: DatasetInput = {
    tags: [{ key: 'mlflow.data.context', value: 'training' }],
    dataset: {
      name,
      digest: await digestOf(text),
      sourceType: 'local',
      source: JSON.stringify({ uri: demo ? `datasets/${demo.file}` : fileName }),
      schema: JSON.stringify({ mlflow_colspec: colspec }),
      profile: JSON.stringify({ num_rows: inspection.rows, num_elements: inspection.rows * inspection.columns.length }),
    },
  };
  return { prepared, name, demo, datasetInput };
}
