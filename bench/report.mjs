// Renders bench/results/<suite>.json as tables: in the terminal (run.mjs) and in docs/benchmarks.md.
// Usage: node bench/report.mjs   (rewrites the table of every suite that has a results file)
// Each suite's table lives between `<!-- bench:<suite>:start -->` and `<!-- bench:<suite>:end -->`;
// a suite without such a block yet is added before `<!-- bench:suites:end -->`. Other text is left as written.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(root, 'bench', 'results');
const docPath = join(root, 'docs', 'benchmarks.md');

/** 1234567 → "1,234,567"; 12.345 → "12.3"; 0.01234 → "0.0123". */
export function formatValue(v) {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

function rows(report) {
  const targets = new Map((report.targets ?? []).map((t) => [t.name, t]));
  return report.results.map((r) => {
    const t = targets.get(r.name);
    return [r.name, formatValue(r.value), r.unit, t ? (t.pass ? 'PASS' : 'MISS') : '', t ? t.target : ''];
  });
}

/** A fixed-width table for the terminal. */
export function terminalTable(report) {
  const body = rows(report).map(([n, v, u, p, t]) => [n, v, u, p, t]);
  const all = [['figure', 'value', 'unit', 'check', 'target'], ...body];
  const w = all[0].map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 1 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd();
  return [line(all[0]), w.map((n) => '-'.repeat(n)).join('  '), ...body.map(line)].join('\n');
}

export function machineLine(report) {
  const m = report.machine ?? {};
  const gib = m.memoryBytes ? `${(m.memoryBytes / 2 ** 30).toFixed(0)} GiB` : '? GiB';
  const load = m.loadAverage ? ` · load ${m.loadAverage[0]} before, ${m.loadAverageAfter?.[0] ?? '?'} after (1-min avg)` : '';
  return `${report.date.slice(0, 10)} · ${report.browser} · ${m.cores ?? '?'} cores (${m.cpu ?? '?'}) · ${gib} · ${m.os ?? '?'} · Node ${m.node ?? '?'}${load}`;
}

function markdownSection(report) {
  const esc = (s) => s.replaceAll('|', '\\|');
  const body = rows(report).map(([n, v, u, p, t]) => `| \`${n}\` | ${v} | ${u} | ${p ? `${p}: ${esc(t)}` : ''} |`);
  return [
    `### \`${report.suite}\``,
    '',
    `Measured ${machineLine(report)}.`,
    '',
    '| figure | value | unit | target |',
    '|---|--:|---|---|',
    ...body,
  ].join('\n');
}

export function readResults() {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')));
}

/** Rewrites the tables in docs/benchmarks.md from bench/results/*.json; returns the suites written. */
export function writeDoc(reports = readResults()) {
  let doc = readFileSync(docPath, 'utf8');
  const end = '<!-- bench:suites:end -->';
  if (!doc.includes(end)) throw new Error(`${docPath} lacks the ${end} marker`);
  for (const report of reports) {
    const start = `<!-- bench:${report.suite}:start -->`;
    const stop = `<!-- bench:${report.suite}:end -->`;
    const block = `${start}\n${markdownSection(report)}\n${stop}`;
    const i = doc.indexOf(start);
    const j = doc.indexOf(stop);
    doc = i >= 0 && j > i ? doc.slice(0, i) + block + doc.slice(j + stop.length) : doc.replace(end, `${block}\n\n${end}`);
  }
  writeFileSync(docPath, doc);
  return reports.map((r) => r.suite);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const written = writeDoc();
  console.log(written.length ? `docs/benchmarks.md: updated ${written.join(', ')}` : 'no results in bench/results/');
}
