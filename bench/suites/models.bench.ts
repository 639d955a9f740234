/**
 * Suite `models`: bundle export/import of a 100 MB model (models-bundle.ts). The inference figures
 * (`infer.*`) of issue 5 join this suite from the models work; add them to `results`/`targets` here.
 */
import Dexie from 'dexie';
import type { Suite } from '../measure';
import { bundleBench, bundleDbs } from './models-bundle';

const suite: Suite = {
  async run(ctx) {
    try {
      return await bundleBench(ctx);
    } finally {
      for (const name of bundleDbs(ctx)) await Dexie.delete(name);
    }
  },
};

export default suite;
