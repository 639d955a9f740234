import { describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';
import { dumpExperiments } from './export';
import { bytes } from './files';
import { readMlruns } from './mlruns-read';
import { writeMlruns } from './mlruns-write';
import { restoreMlflowDump } from './restore';
import { unzipTree, zipTree } from './zip';

const R1 = 'a'.repeat(32);
const R2 = 'b'.repeat(32);
/** A small tree in the shapes MLflow 1.x, 2.x and 3.x write. */
function tree(): Map<string, Uint8Array> {
  const t: Record<string, string> = {
    'mlruns/0/meta.yaml': "artifact_location: file:///x/mlruns/0\nexperiment_id: '0'\nlifecycle_stage: active\nname: Default\n",
    'mlruns/7/meta.yaml': "artifact_location: file:///x/mlruns/7\ncreation_time: 5\nexperiment_id: '7'\nlast_update_time: 6\nlifecycle_stage: active\nname: exp\n",
    'mlruns/7/tags/team/sub': 'a/b',
    [`mlruns/7/${R1}/meta.yaml`]: `artifact_uri: file:///x/mlruns/7/${R1}/artifacts\nend_time: 20\nentry_point_name: ''\nexperiment_id: '7'\nlifecycle_stage: active\nrun_id: ${R1}\nrun_name: first\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 10\nstatus: 3\ntags: []\nuser_id: me\n`,
    [`mlruns/7/${R1}/params/lr`]: '0.01',
    [`mlruns/7/${R1}/tags/mlflow.runName`]: 'first',
    [`mlruns/7/${R1}/metrics/loss`]: '11 0.5 0\n12 nan 1\n13 inf 2\n14 -inf 2\n',
    [`mlruns/7/${R1}/metrics/sys/cpu`]: '11 1e-05\n',
    [`mlruns/7/${R1}/artifacts/dir/a.txt`]: 'hello',
    // MLflow 3 LoggedModel folders and run outputs: not runs, not artifacts of the run.
    'mlruns/7/models/m-0123/meta.yaml': "experiment_id: '7'\nmodel_id: m-0123\nstatus: 2\n",
    'mlruns/7/models/m-0123/artifacts/MLmodel': 'flavors: {}\n',
    [`mlruns/7/${R1}/outputs/m-0123/meta.yaml`]: 'destination_type: MODEL_OUTPUT\nsource_type: RUN_OUTPUT\nstep: 0\n',
    // 1.x: run_uuid, `name: ''`, integer experiment_id, status 1 (RUNNING)
    [`mlruns/7/${R2}/meta.yaml`]: `artifact_uri: ./mlruns/7/${R2}/artifacts\nend_time: null\nentry_point_name: ''\nexperiment_id: 7\nlifecycle_stage: deleted\nname: ''\nrun_uuid: ${R2}\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 15\nstatus: 1\ntags: []\nuser_id: old\n`,
    [`mlruns/7/${R2}/tags/mlflow.runName`]: 'legacy',
    'mlruns/7/bad/meta.yaml': '',
    [`mlruns/7/${'c'.repeat(32)}/meta.yaml`]: `experiment_id: '8'\nrun_id: x\nstart_time: 1\nstatus: 1\n`,
    'mlruns/.trash/9/meta.yaml': "artifact_location: x\ncreation_time: 1\nexperiment_id: '9'\nlast_update_time: 2\nlifecycle_stage: deleted\nname: gone\n",
    'mlruns/models/m/meta.yaml': 'aliases:\n  champ: \'1\'\ncreation_timestamp: 1\nlast_updated_timestamp: 2\nname: m\n',
    'mlruns/models/m/aliases/champ': '1',
    'mlruns/models/m/version-1/meta.yaml': `current_stage: None\nname: m\nrun_id: ${R1}\nsource: runs:/${R1}/model\nstatus: READY\nversion: 1\n`,
  };
  return new Map(Object.entries(t).map(([k, v]) => [k, bytes(v)]));
}

describe('readMlruns', () => {
  it('reads experiments, runs of every meta variant, nested keys, nan/inf, artifacts, trash and registry', () => {
    const dump = readMlruns(tree());
    expect(dump.experiments.map((e) => [e.experimentId, e.name, e.lifecycleStage])).toEqual([
      ['0', 'Default', 'active'], ['7', 'exp', 'active'], ['9', 'gone', 'deleted'],
    ]);
    expect(dump.experiments[1].tags).toEqual([{ key: 'team/sub', value: 'a/b' }]);
    const [r1, r2] = dump.runs;
    expect(r1).toMatchObject({ runId: R1, runName: 'first', status: 'FINISHED', startTime: 10, endTime: 20, userId: 'me' });
    expect(r1.metrics.loss).toEqual([
      { timestamp: 11, value: 0.5, step: 0 }, { timestamp: 12, value: NaN, step: 1 },
      { timestamp: 13, value: Infinity, step: 2 }, { timestamp: 14, value: -Infinity, step: 2 },
    ]);
    expect(r1.metrics['sys/cpu']).toEqual([{ timestamp: 11, value: 1e-5, step: 0 }]);
    expect(r1.artifacts.map((a) => a.path)).toEqual(['dir/a.txt']);
    expect(r2).toMatchObject({ runId: R2, runName: 'legacy', status: 'RUNNING', lifecycleStage: 'deleted', endTime: null });
    expect(dump.runs).toHaveLength(2);
    expect(dump.warnings.join('\n')).not.toMatch(/models|outputs/);
    expect(dump.warnings.join('\n')).toMatch(/mlruns\/7\/bad|7\/bad\/meta.yaml: empty/);
    expect(dump.warnings.join('\n')).toMatch(/experiment_id '8' does not match/);
    expect(dump.registeredModels).toMatchObject([{ name: 'm', aliases: { champ: 1 }, versions: [{ version: 1, runId: R1 }] }]);
  });

  it('names the file of a malformed metric', async () => {
    const t = tree();
    t.set(`mlruns/7/${R1}/metrics/bad`, bytes('12 abc 1\n'));
    expect((await errorOf(() => readMlruns(t))).message).toBe(`Metric file 7/${R1}/metrics/bad is malformed at line 1: '12 abc 1'`);
  });

  it('round-trips through Flowpad and the mlruns writer (also zipped)', async () => {
    const client = makeClient();
    const res = await restoreMlflowDump(client, readMlruns(tree()));
    expect(res).toMatchObject({ experimentsCreated: 2, experimentsMerged: 1, runsCreated: 2 });
    expect(res.registry).toEqual([{ name: 'm', created: true, unchanged: false, versions: [{ from: 1, to: 1 }], skippedAliases: [] }]);
    const run = await client.getRun(R1);
    expect(run.data.metrics.find((m) => m.key === 'loss')).toEqual({ key: 'loss', value: -Infinity, timestamp: 14, step: 2 });
    const files = writeMlruns(await dumpExperiments(client, ['7']), { artifactRoot: 'file:///y/mlruns' });
    expect(new TextDecoder().decode(files.get(`7/${R1}/metrics/loss`))).toBe('11 0.5 0\n12 nan 1\n13 inf 2\n14 -inf 2\n');
    expect(new TextDecoder().decode(files.get(`7/${R1}/meta.yaml`))).toContain(`artifact_uri: file:///y/mlruns/7/${R1}/artifacts\n`);
    const back = readMlruns(unzipTree(zipTree(files)));
    const again = await readBackEqual(back.runs.find((r) => r.runId === R1)!, readMlruns(tree()).runs[0]);
    expect(again).toBe(true);
    expect(await restoreMlflowDump(client, back)).toMatchObject({ runsCreated: 0 });
    await client.close();
  });
});

async function readBackEqual(a: object, b: object): Promise<boolean> {
  const strip = (r: object) => ({ ...r, artifactUri: '' });
  expect(strip(a)).toEqual(strip(b));
  return true;
}
