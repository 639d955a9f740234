/**
 * The one suite every flavor passes, found by folder: each `flavors/<name>/conformance.ts` exports `makeSaved()`
 * (what its `save` produced for a small model). The suite loads it through the registry and checks the contract.
 */
import { describe, expect, it } from 'vitest';
import { getFlavor, RUNNABLE_FLAVORS } from '../flavor';
import { scoreRequest } from '../predict';
import { allocValues, sizeOf, toNested, type TensorMap } from '../tensor';
import type { SavedFlavor } from '../flavor';

const fixtures = import.meta.glob<{ makeSaved: () => Promise<SavedFlavor> }>('./*/conformance.ts');
const nameOf = (path: string): string => path.split('/')[1];

describe('flavor conformance', () => {
  it('every registered flavor has a conformance fixture, and every fixture a registered flavor', () => {
    expect(Object.keys(fixtures).map(nameOf).sort()).toEqual([...RUNNABLE_FLAVORS].sort());
  });

  for (const [path, load] of Object.entries(fixtures)) {
    const name = nameOf(path);
    it(`${name}: save → load → predict → score → dispose`, async () => {
      const flavor = await getFlavor(name);
      expect(flavor.name).toBe(name);
      const saved = await (await load()).makeSaved();
      expect(saved.flavors[name]).toBeDefined();
      for (const [p, bytes] of Object.entries(saved.files)) {
        expect(p).not.toMatch(/^\/|\.\./);
        expect(bytes).toBeInstanceOf(Uint8Array);
      }
      const model = await flavor.load(saved.files, saved.flavors[name]);
      try {
        expect(model.flavor).toBe(name);
        expect(model.inputs.length).toBeGreaterThan(0);
        expect(model.outputs.length).toBeGreaterThan(0);
        const shapeOf = (s: number[]): number[] => s.map((d) => (d === -1 ? 2 : d));
        const feeds: TensorMap = Object.fromEntries(model.inputs.map((io) => {
          const shape = shapeOf(io.shape);
          return [io.name, { dtype: io.dtype, shape, data: allocValues(io.dtype, sizeOf(shape)) }];
        }));
        const out = await flavor.predict(model, feeds);
        expect(Object.keys(out)).toEqual(model.outputs.map((o) => o.name));
        for (const o of model.outputs) {
          expect(out[o.name].dtype).toBe(o.dtype);
          expect(out[o.name].data.length).toBe(sizeOf(out[o.name].shape));
        }
        const body = { inputs: Object.fromEntries(model.inputs.map((io) => [io.name, toNested(feeds[io.name])])) };
        const res = await scoreRequest(flavor, model, body, null);
        expect(Object.keys(res.predictions as object)).toEqual(model.outputs.map((o) => o.name));
      } finally {
        await flavor.dispose(model);
      }
    });
  }
});
