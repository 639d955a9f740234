/**
 * Bundle figures of suite `models`: exporting and importing one model version whose weights are 100 MB, timed
 * from the page through the bundle worker as the UI calls it (worker start, IndexedDB reads and writes, zip,
 * CRC checks included), and the main thread's longest task while they run. Each phase checks its output.
 */
import { openRegistry } from '../../src/registry';
import { openTracking } from '../../src/tracking';
import { exportBundle, importBundle } from '../../src/workers/bundle-client';
import { now, pause, seeded, type BenchResult, type SuiteContext, type TargetCheck } from '../measure';

/** 100 MB of weights (decimal megabytes, as MB/s is reported). */
export const WEIGHTS_BYTES = 100_000_000;
const MB = 1e6;

const MLMODEL = `flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: 1.17.0
    providers:
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.10.12
mlflow_version: 2.22.0
model_uuid: 00000000000000000000000000000100
utc_time_created: '2026-01-01 00:00:00.000000'
`;

/** Float-like bytes that do not compress (like trained weights), from a fixed seed. */
function weights(): Uint8Array {
  const rand = seeded(100);
  const out = new Uint32Array(WEIGHTS_BYTES / 4);
  for (let i = 0; i < out.length; i++) out[i] = (rand() * 0x100000000) >>> 0;
  return new Uint8Array(out.buffer);
}

/**
 * Watches the main thread while `job` runs: the longest Long Tasks API entry (0 when none, i.e. every task
 * stayed under 50 ms), and the largest gap between 10 ms ticks, which also sees blocks shorter than 50 ms.
 */
async function watchMainThread<T>(job: () => Promise<T>): Promise<{ value: T; ms: number; longtaskMs: number; gapMs: number }> {
  let longtaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtaskMs = Math.max(longtaskMs, e.duration);
  });
  observer.observe({ type: 'longtask' });
  let last = now();
  let gapMs = 0;
  const tick = setInterval(() => {
    const t = now();
    gapMs = Math.max(gapMs, t - last - 10);
    last = t;
  }, 10);
  const t0 = now();
  try {
    const value = await job();
    return { value, ms: now() - t0, longtaskMs, gapMs };
  } finally {
    clearInterval(tick);
    await pause(100); // let the observer deliver the last entries
    for (const e of observer.takeRecords()) longtaskMs = Math.max(longtaskMs, e.duration);
    observer.disconnect();
  }
}

/** The databases the bundle phase uses (the suite deletes them, also after a failure). */
export const bundleDbs = (ctx: SuiteContext): [string, string] => [`${ctx.dbPrefix}bundle-src`, `${ctx.dbPrefix}bundle-dst`];

export async function bundleBench(ctx: SuiteContext): Promise<{ results: BenchResult[]; targets: TargetCheck[] }> {
  const dbs = bundleDbs(ctx);
  ctx.log('bundle: logging a 100 MB model and registering it');
  const tracking = openTracking({ dbName: dbs[0] });
  const registry = openRegistry({ dbName: dbs[0] });
  const run = await tracking.createRun('0', { runName: 'bundle-bench' });
  const data = weights();
  await tracking.logText(run.info.runId, MLMODEL, 'model/MLmodel');
  await tracking.logArtifact(run.info.runId, 'model/model.onnx', data);
  await tracking.logText(run.info.runId, 'mlflow==2.22.0\nonnx==1.17.0\n', 'model/requirements.txt');
  await registry.registerModel(`runs:/${run.info.runId}/model`, 'big');
  await tracking.close();
  registry.close();
  await pause(500);

  ctx.log('bundle: export');
  const exp = await watchMainThread(() => exportBundle({ kind: 'version', name: 'big', version: 1 }, undefined, dbs[0]));
  if (exp.value.blob.size < WEIGHTS_BYTES) throw new Error(`export produced ${exp.value.blob.size} bytes, expected > ${WEIGHTS_BYTES}`);
  await pause(500);

  ctx.log('bundle: import into an empty registry');
  const file = new File([exp.value.blob], exp.value.fileName, { type: 'application/zip' });
  const imp = await watchMainThread(() => importBundle(file, { dbName: dbs[1] }));
  const check = openRegistry({ dbName: dbs[1] });
  const v = await check.getModelVersion('big', 1);
  const back = new Uint8Array(await (await check.downloadModelVersionFile('big', 1, 'model.onnx')).arrayBuffer());
  check.close();
  if (v.sizeBytes < WEIGHTS_BYTES || back.length !== data.length || back[12345] !== data[12345] || back[data.length - 1] !== data[data.length - 1]) {
    throw new Error('imported weights differ from the exported ones');
  }

  const exportRate = (WEIGHTS_BYTES / MB) / (exp.ms / 1000);
  const importRate = (WEIGHTS_BYTES / MB) / (imp.ms / 1000);
  const longtask = Math.max(exp.longtaskMs, imp.longtaskMs);
  const results: BenchResult[] = [
    { name: 'bundle.export_100mb_mb_per_s', value: exportRate, unit: 'MB/s' },
    { name: 'bundle.import_100mb_mb_per_s', value: importRate, unit: 'MB/s' },
    { name: 'bundle.longtask_max_ms', value: longtask, unit: 'ms' },
    { name: 'bundle.export_100mb_ms', value: exp.ms, unit: 'ms' },
    { name: 'bundle.import_100mb_ms', value: imp.ms, unit: 'ms' },
    { name: 'bundle.main_thread_max_gap_ms', value: Math.max(exp.gapMs, imp.gapMs), unit: 'ms' },
    { name: 'bundle.zip_bytes', value: exp.value.blob.size, unit: 'B' },
  ];
  const targets: TargetCheck[] = [
    { name: 'bundle.export_100mb_mb_per_s', target: '≥ 100 MB/s', pass: exportRate >= 100 },
    { name: 'bundle.import_100mb_mb_per_s', target: '≥ 100 MB/s', pass: importRate >= 100 },
    { name: 'bundle.longtask_max_ms', target: '≤ 50 ms', pass: longtask <= 50 },
  ];
  return { results, targets };
}
