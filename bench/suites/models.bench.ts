/**
 * Suite `models`: inference through the worker (models-infer.ts, `infer.*`) and bundle export/import of a
 * 100 MB model (models-bundle.ts, `bundle.*`). `bench/index.html#only=infer` (or `#only=bundle`) runs one part,
 * for quick checks from DevTools; `npm run bench -- models` runs both.
 */
import Dexie from 'dexie';
import type { BenchResult, Suite, TargetCheck } from '../measure';
import { bundleBench, bundleDbs } from './models-bundle';
import { inferBench } from './models-infer';

const suite: Suite = {
  async run(ctx) {
    const only = new URLSearchParams(location.hash.slice(1)).get('only');
    const results: BenchResult[] = [];
    const targets: TargetCheck[] = [];
    if (only !== 'bundle') {
      const infer = await inferBench(ctx);
      results.push(...infer.results);
      targets.push(...infer.targets);
    }
    if (only !== 'infer') {
      try {
        const bundle = await bundleBench(ctx);
        results.push(...bundle.results);
        targets.push(...bundle.targets);
      } finally {
        for (const name of bundleDbs(ctx)) await Dexie.delete(name);
      }
    }
    return { results, targets };
  },
};

export default suite;
