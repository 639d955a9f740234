/**
 * e2e fixture page (see index.html): `?run=<name>` creates a finished run in the Default experiment with
 * params, metrics and an ONNX model folder logged under `model/`, as `mlflow.onnx.log_model` would lay it out.
 * `&columns=a,b,c,d` gives the model a column-based signature (doubles) and a one-row dataframe input example
 * instead of the graph's tensor signature.
 */
import { readOnnxGraphIo, signatureFromGraph } from '../../src/interop/bundle/onnx-io';
import { onnxModelFolder } from '../../src/models/model-folder';
import { openTracking } from '../../src/tracking';
import { denseReluOnnx } from './tiny-onnx';

async function seed(): Promise<{ runId: string; experimentId: string }> {
  const params = new URLSearchParams(location.search);
  const tracking = openTracking();
  const run = await tracking.createRun('0', { runName: params.get('run') ?? 'iris-mlp' });
  const runId = run.info.runId;
  const onnx = denseReluOnnx(4, 3);
  const columns = params.get('columns')?.split(',');
  const { files } = onnxModelFolder(onnx, columns ? {
    signature: { inputs: { kind: 'column', inputs: columns.map((name) => ({ kind: 'column', name, type: 'double', required: true })) }, outputs: null, params: null },
    inputExample: { kind: 'dataframe', columns, data: [columns.map((_, i) => [5.1, 3.5, 1.4, 0.2][i % 4])] },
    runId, artifactPath: 'model',
  } : { signature: signatureFromGraph(readOnnxGraphIo(onnx)), runId, artifactPath: 'model' });
  for (const [path, data] of Object.entries(files)) await tracking.logArtifact(runId, `model/${path}`, data);
  await tracking.logBatch(runId, {
    params: [{ key: 'hidden_units', value: '3' }, { key: 'optimizer', value: 'adam' }],
    metrics: [{ key: 'accuracy', value: 0.93, timestamp: Date.now(), step: 10 }],
  });
  await tracking.setTerminated(runId, 'FINISHED');
  await tracking.close();
  return { runId, experimentId: '0' };
}

const out = document.getElementById('seed-result')!;
seed().then(
  (r) => (out.textContent = JSON.stringify(r)),
  (e: Error) => (out.textContent = JSON.stringify({ error: e.message })),
);
