/**
 * Scoring parity with real MLflow: each case in scoring-parity.json is a request and the answer (or error) that
 * MLflow 2.22's scoring server gave for the same ONNX model without a signature. Non-tensor outputs (ZipMap) are
 * left out here by design, so they are dropped from MLflow's answer before comparing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import type { LoadedModel } from '../../flavor';
import { scoreRequest } from '../../predict';
import * as onnx from './index';

const root = new URL('../../../../test/fixtures/mlflow/model-format/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('generated/scoring-parity.json', root), 'utf8')) as {
  cases: { model: string; request: unknown; status?: number; response?: { predictions: unknown }; error?: string }[];
};

onnx.configureOnnxRuntime({ numThreads: 1 });
const models = new Map<string, LoadedModel>();
afterAll(async () => {
  for (const m of models.values()) await onnx.dispose(m as never);
});

const dropNonTensor = (p: unknown, keep: string[]): unknown => {
  const pick = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => keep.includes(k)));
  return Array.isArray(p) ? p.map((r) => pick(r as Record<string, unknown>)) : pick(p as Record<string, unknown>);
};

describe('scoring parity with MLflow 2.22 (onnx pyfunc, no signature)', () => {
  cases.forEach((c, i) => {
    it(`${c.model} #${i}: ${Object.keys(c.request as object)[0]}`, async () => {
      let m = models.get(c.model);
      if (!m) {
        m = await onnx.loadOnnxBytes(new Uint8Array(readFileSync(new URL(`onnx/${c.model}`, root))));
        models.set(c.model, m);
      }
      if (c.error !== undefined) {
        // MLflow wraps model errors as "Failed to predict data '<numpy repr>'. \nError: <message>"; we give the
        // message alone. Where MLflow only reports onnxruntime's generic failure, we give a specific one.
        const e = await errorOf(scoreRequest(onnx, m, c.request, null));
        expect(['INVALID_PARAMETER_VALUE', 'BAD_REQUEST']).toContain(e.code);
        const core = /\nError: ([\s\S]*)$/.exec(c.error)?.[1];
        if (core) expect(e.message).toBe(core);
        else expect(c.error).toMatch(/^Encountered an unexpected error while evaluating the model/);
        return;
      }
      const res = await scoreRequest(onnx, m, c.request, null);
      const want = dropNonTensor(c.response!.predictions, m.outputs.map((o) => o.name));
      expect(res.predictions).toEqual(want);
    });
  });
});
