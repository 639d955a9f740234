/**
 * Scoring parity with real MLflow: each case in scoring-parity.json is a request and the answer (or error) that
 * MLflow 2.22's scoring server gave for the same ONNX model (with and without signatures). sklearn's ZipMap output
 * (`output_probability`, a list of {class: probability}) comes back as MLflow gives it; its float32 probabilities are
 * compared to 6 decimals (onnxruntime-web's wasm build and onnxruntime's CPU build may round the last bit apart).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { errorOf } from '../../../../test/error-of';
import type { LoadedModel } from '../../flavor';
import { scoreRequest } from '../../predict';
import { parseSignature } from '../../signature';
import * as onnx from './index';

const root = new URL('../../../../test/fixtures/mlflow/model-format/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('generated/scoring-parity.json', root), 'utf8')) as {
  cases: { model: string; signature: unknown; request: unknown; status?: number; response?: { predictions: unknown }; error?: string }[];
};

onnx.configureOnnxRuntime({ numThreads: 1 });
const models = new Map<string, LoadedModel>();
afterAll(async () => {
  for (const m of models.values()) await onnx.dispose(m as never);
});

/** MLflow's answer with every ZipMap probability replaced by a 6-decimal matcher; everything else stays exact. */
const approxZipMaps = (p: unknown): unknown => {
  const maps = (v: unknown): unknown => (Array.isArray(v)
    ? v.map(maps)
    : Object.fromEntries(Object.entries(v as Record<string, number>).map(([k, x]) => [k, expect.closeTo(x, 6)])));
  const fix = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k === 'output_probability' ? maps(v) : v]));
  return Array.isArray(p) ? p.map((r) => fix(r as Record<string, unknown>)) : fix(p as Record<string, unknown>);
};

const squash = (t: string): string => t.replace(/\s+/g, ' ').replace(/\.$/, '').trim();

/** Cases where our message is worded differently (more specific) from MLflow's, and what it must say instead. */
const WORDING: Record<number, RegExp> = {
  21: /^Incompatible input types for column pw\. Can not safely convert "x" \(row 0\) to double/, // MLflow: pandas' ValueError
};

describe('scoring parity with MLflow 2.22 (onnx pyfunc)', () => {
  cases.forEach((c, i) => {
    it(`${c.model} #${i}: ${Object.keys(c.request as object)[0]}`, async () => {
      let m = models.get(c.model);
      if (!m) {
        m = await onnx.loadOnnxBytes(new Uint8Array(readFileSync(new URL(`onnx/${c.model}`, root))));
        models.set(c.model, m);
      }
      const sig = c.signature ? parseSignature(c.signature) : null;
      if (c.error !== undefined) {
        // MLflow nests messages ("Failed to predict data '<repr>'. Error: Failed to enforce schema … Error: <why>");
        // we give the innermost reason alone, in MLflow's words unless listed in WORDING.
        const e = await errorOf(scoreRequest(onnx, m, c.request, sig));
        expect(['INVALID_PARAMETER_VALUE', 'BAD_REQUEST']).toContain(e.code);
        const core = c.error.includes('Error: ') ? c.error.slice(c.error.lastIndexOf('Error: ') + 7) : c.error.replace(/^Invalid input\. /, '');
        if (WORDING[i]) expect(e.message).toMatch(WORDING[i]);
        else if (/^Encountered an unexpected error while evaluating the model/.test(core)) expect(e.message.length).toBeGreaterThan(0);
        else {
          // We prefix the tensor's name (`Input 'x': …`); extra-input lists are in request order (MLflow's: set order).
          const noExtras = (t: string): string => squash(t).replace(/ Note that there were extra inputs: \[.*\]$/, '');
          expect(noExtras(e.message).endsWith(noExtras(core))).toBe(true);
          expect(e.message.includes('extra inputs')).toBe(core.includes('extra inputs'));
        }
        return;
      }
      const res = await scoreRequest(onnx, m, c.request, sig);
      expect(res.predictions).toEqual(approxZipMaps(c.response!.predictions));
    });
  });
});
