/**
 * The runs and experiments the differential search test logs to both MLflow and Flowpad: generated from a fixed
 * seed, with duplicate start times (tie-breaks), NaN/±Infinity and missing metrics, metric histories, case
 * variants, keys with spaces and dots, nested and deleted runs. Non-finite floats travel as strings.
 */
export type SpecNum = number | 'NaN' | 'Infinity' | '-Infinity';
export interface SpecRun {
  run_id: string;
  exp: number;
  run_name: string;
  start_time: number;
  end_time: number | null;
  status: 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';
  params: Record<string, string>;
  tags: Record<string, string>;
  /** [key, value, timestamp, step], in logging order */
  metrics: [string, SpecNum, number, number][];
  parent: string | null;
  deleted: boolean;
}
export interface SpecExperiment {
  name: string;
  creation_time: number;
  tags: Record<string, string>;
}
export interface SearchSpec {
  experiments: SpecExperiment[];
  runs: SpecRun[];
}

export const T0 = 1_700_000_000_000;

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const toNum = (v: SpecNum): number => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v);

/** The fixed data set: 6 experiments, 200 runs. */
export function makeSpec(): SearchSpec {
  const rnd = mulberry32(20260601);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const maybe = (p: number) => rnd() < p;
  const experiments: SpecExperiment[] = [
    { name: 'search-a', creation_time: T0 + 10, tags: { team: 'nlp', owner: 'alice' } },
    { name: 'search-b', creation_time: T0 + 20, tags: { team: 'vision' } },
    { name: 'Search-C', creation_time: T0 + 20, tags: { team: 'NLP', 'mlflow.note.content': 'notes' } },
    { name: 'prod-model', creation_time: T0 + 5, tags: {} },
    { name: 'prod_2', creation_time: T0 + 30, tags: { owner: 'bob', 'key with space': 'v' } },
    { name: 'zeta 100%', creation_time: T0 + 1, tags: { owner: "o'neil" } },
  ];
  const hex = () => Array.from({ length: 32 }, () => '0123456789abcdef'[Math.floor(rnd() * 16)]).join('');
  const runs: SpecRun[] = [];
  const specials: SpecNum[] = ['NaN', 'Infinity', '-Infinity'];
  const value = (): SpecNum => (maybe(0.08) ? pick(specials) : Math.round((rnd() * 4 - 1) * 1000) / 1000);
  for (let i = 0; i < 200; i++) {
    const params: Record<string, string> = {};
    params.lr = pick(['0.1', '0.01', '0.001', '1e-3', '0.05']);
    params.model = pick(['rf', 'RF', 'svm', 'mlp', 'Mlp', 'linear_1', 'linear%']);
    if (maybe(0.7)) params.depth = String(Math.floor(rnd() * 12));
    if (maybe(0.5)) params.opt = pick(['adam', 'sgd', 'Adam', 'adamw']);
    if (maybe(0.3)) params['my key'] = pick(['a b', 'x', '']);
    if (maybe(0.2)) params['a.b'] = pick(['1', '2']);
    const tags: Record<string, string> = { 'mlflow.user': pick(['alice', 'bob', 'Carol']) };
    if (maybe(0.7)) tags.team = pick(['nlp', 'NLP', 'vision', 'Vision%', 'speech_x']);
    if (maybe(0.2)) tags.note = pick(["it's", 'say "hi"', 'multi\nline', 'ünïcödé']);
    if (maybe(0.3)) tags['mlflow.source.type'] = pick(['LOCAL', 'NOTEBOOK']);
    const metrics: SpecRun['metrics'] = [];
    const ts = T0 + 1000 * i;
    for (const key of ['loss', 'acc', 'f1 score', 'val.loss']) {
      if (key !== 'loss' && !maybe(0.6)) continue;
      const n = key === 'loss' ? 1 + Math.floor(rnd() * 5) : 1;
      for (let s = 0; s < n; s++) metrics.push([key, value(), ts + s * (maybe(0.2) ? 0 : 7), maybe(0.15) ? 0 : s]);
    }
    const status = pick(['FINISHED', 'FINISHED', 'FAILED', 'RUNNING', 'KILLED', 'SCHEDULED'] as const);
    const start = T0 + Math.floor(rnd() * 150) * 1000;
    runs.push({
      run_id: hex(),
      exp: i < 150 ? i % 2 : 2 + (i % 4),
      run_name: pick(['alpha', 'Alpha', 'beta-1', 'beta_2', 'gamma run', 'δelta', `run-${i}`, 'Run 7']),
      start_time: start,
      end_time: status === 'RUNNING' || status === 'SCHEDULED' ? null : start + Math.floor(rnd() * 5000),
      status,
      params,
      tags,
      metrics,
      parent: i > 10 && maybe(0.2) ? runs[Math.floor(rnd() * i)].run_id : null,
      deleted: maybe(0.07),
    });
  }
  return { experiments, runs };
}
