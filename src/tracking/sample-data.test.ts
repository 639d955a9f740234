import { describe, expect, it } from 'vitest';
import { errorOf, makeClient } from '../../test/helpers';
import { loadSampleData, SAMPLE_IMAGE_EXPERIMENT, SAMPLE_TABULAR_EXPERIMENT } from './sample-data';

describe('sample data', () => {
  it('creates nested sweeps, long histories, statuses and every artifact kind through the client', async () => {
    const c = makeClient();
    const progress: number[] = [];
    const png = async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const [image, tabular] = await loadSampleData(c, { steps: 300, png, onProgress: (done, total) => progress.push(done / total) });
    expect(progress.at(-1)).toBe(1);
    expect(progress).toHaveLength(50);

    expect((await c.getExperiment(image)).name).toBe(SAMPLE_IMAGE_EXPERIMENT);
    const runs = (await c.searchRuns([image])).items;
    expect(runs).toHaveLength(14);
    const byName = new Map(runs.map((r) => [r.info.runName, r]));
    const parent = byName.get('resnet18-lr-sweep')!;
    const children = runs.filter((r) => r.data.tags.some((t) => t.key === 'mlflow.parentRunId' && t.value === parent.info.runId));
    expect(children).toHaveLength(6);
    expect(byName.get('vit-large-oom')!.info.status).toBe('FAILED');
    expect(byName.get('resnet18-finetune')!.info.status).toBe('RUNNING');

    const child = children[0];
    expect(await c.getMetricHistory(child.info.runId, 'loss')).toHaveLength(300);
    expect((await c.getMetricHistory(child.info.runId, 'val_loss')).length).toBe(6);

    const withArtifacts = children.find((r) => r.data.tags.some((t) => t.key === 'mlflow.loggedArtifacts'))!;
    const all = await c.listArtifacts(withArtifacts.info.runId);
    expect(all.map((f) => f.path).sort()).toEqual(['eval', 'logs', 'model', 'plots']);
    const table = JSON.parse(await (await c.downloadArtifact(withArtifacts.info.runId, 'eval/confusion_matrix.json')).text());
    expect(table.columns).toHaveLength(11);
    expect(table.data).toHaveLength(10);
    expect(await (await c.downloadArtifact(withArtifacts.info.runId, 'model/MLmodel')).text()).toContain(`run_id: ${withArtifacts.info.runId}`);
    expect((await c.downloadArtifact(withArtifacts.info.runId, 'plots/loss_curve.png')).size).toBe(4);

    const tab = (await c.searchRuns([tabular], { filter: "params.model_type = 'xgboost'" })).items;
    expect(tab).toHaveLength(12);
    expect((await c.getExperiment(tabular)).name).toBe(SAMPLE_TABULAR_EXPERIMENT);

    expect((await errorOf(loadSampleData(c, { steps: 10 }))).code).toBe('RESOURCE_ALREADY_EXISTS');
  });
});
