/**
 * The sample run's artifacts, one of each kind the run page previews: a text log, MLflow's JSON table
 * (`{"columns", "data"}`, as `mlflow.log_table` writes it), a CSV, a PNG plot and a model directory with MLmodel.
 */
import type { RunId } from '../core/ids';
import type { TrackingClient } from './api';

const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

function trainingLog(curve: number[]): string {
  const lines = ['INFO  loading CIFAR-10 (50000 train / 10000 test)', 'INFO  model resnet18, 11.2M parameters'];
  const every = Math.max(1, Math.floor(curve.length / 50));
  for (let s = 0; s < curve.length; s += every) lines.push(`INFO  step ${String(s).padStart(5)}  loss ${curve[s].toFixed(4)}`);
  lines.push(`INFO  done: final loss ${curve[curve.length - 1]?.toFixed(4) ?? 'n/a'}`);
  return `${lines.join('\n')}\n`;
}

/** A plausible confusion matrix: mostly diagonal, cats and dogs confused. */
function confusionMatrix(): { columns: string[]; data: (string | number)[][] } {
  const data = CLASSES.map((actual, i) => {
    const row = CLASSES.map((_, j) => (i === j ? 900 : 8 + ((i * 7 + j * 3) % 9)));
    if (actual === 'cat') row[CLASSES.indexOf('dog')] = 84;
    if (actual === 'dog') row[CLASSES.indexOf('cat')] = 71;
    return [actual, ...row];
  });
  return { columns: ['actual', ...CLASSES], data };
}

function predictionsCsv(): string {
  const rows = ['image_id,label,predicted,confidence'];
  for (let i = 0; i < 40; i++) {
    const label = CLASSES[(i * 7) % 10];
    const predicted = i % 9 === 4 ? CLASSES[(i * 7 + 3) % 10] : label;
    rows.push(`test_${String(i).padStart(5, '0')},${label},${predicted},${(0.55 + ((i * 37) % 45) / 100).toFixed(3)}`);
  }
  return `${rows.join('\n')}\n`;
}

function mlmodel(runId: RunId): string {
  const uuid = runId.split('').reverse().join('');
  return `artifact_path: model
flavors:
  python_function:
    data: data
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.pytorch
    pickle_module_name: mlflow.pytorch.pickle_module
    python_version: 3.11.9
  pytorch:
    code: null
    model_data: data
    pytorch_version: 2.4.0
mlflow_version: 2.16.0
model_size_bytes: 44784529
model_uuid: ${uuid}
run_id: ${runId}
signature:
  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 3, 32, 32]}}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 10]}}]'
  params: null
utc_time_created: '2026-11-25 09:14:02.118204'
`;
}

/** Writes the artifacts of the best sample run. `png` draws the loss curve; without it the plot is left out. */
export async function sampleArtifacts(
  client: TrackingClient,
  runId: RunId,
  curve: number[],
  png?: (plot: { title: string; values: number[] }) => Promise<Blob | Uint8Array>,
): Promise<void> {
  await client.logText(runId, trainingLog(curve), 'logs/train.log');
  await client.logDict(runId, confusionMatrix(), 'eval/confusion_matrix.json');
  await client.setTag(runId, 'mlflow.loggedArtifacts', JSON.stringify([{ path: 'eval/confusion_matrix.json', type: 'table' }]));
  await client.logArtifact(runId, 'eval/predictions.csv', new TextEncoder().encode(predictionsCsv()), 'text/csv');
  if (png) await client.logArtifact(runId, 'plots/loss_curve.png', await png({ title: 'Training loss', values: curve }), 'image/png');
  await client.logText(runId, mlmodel(runId), 'model/MLmodel');
  await client.logText(runId, 'mlflow==2.16.0\ntorch==2.4.0\ntorchvision==0.19.0\n', 'model/requirements.txt');
  await client.logText(runId, 'python: 3.11.9\nbuild_dependencies:\n- pip==24.2\ndependencies:\n- -r requirements.txt\n', 'model/python_env.yaml');
}
