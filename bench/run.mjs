// Runs benchmark suites in headless Chromium against the built app (`npm run bench` builds it first).
//   npm run bench                 every suite
//   npm run bench -- tracking     one suite (several names allowed)
// Each suite gets a fresh browser profile on disk (a persistent context: incognito contexts keep
// IndexedDB in memory, which would flatter every storage figure) and fresh database names.
// Writes bench/results/<suite>.json, prints a table, refreshes docs/benchmarks.md, and exits non-zero
// if a suite throws or times out. A missed target is printed, not treated as a failure.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { resultsDir, terminalTable, writeDoc } from './report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITE_TIMEOUT_MS = Number(process.env.FLOWPAD_BENCH_TIMEOUT_S ?? 1800) * 1000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.replace(/\s+/g, ' ').trim(),
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    node: process.versions.node,
    // Other jobs share the machine: a 1-minute load above the core count means the figures are pessimistic.
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Opens the bench page in a fresh profile; returns the page, its context and a cleanup function. */
async function openBenchPage(url) {
  const profile = mkdtempSync(join(os.tmpdir(), 'flowpad-bench-'));
  const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions());
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (text.startsWith('[bench] ')) console.log(`  ${text.slice(8)}`);
    else if (msg.type() === 'error') console.error(`  console error: ${text}`);
  });
  page.on('pageerror', (err) => {
    errors.push(err);
    console.error(`  page error: ${err.message}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => 'flowpadBench' in window, null, { timeout: 30_000 });
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, context, errors, close };
}

/** "Chromium 156.0.8078.108 (headless)": the user agent string is frozen at x.0.0.0, so ask the browser. */
async function browserName(context, page) {
  const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
  return `Chromium ${version} (headless)`;
}

async function runSuite(url, suite) {
  console.log(`\n== ${suite}`);
  const { page, context, close } = await openBenchPage(url);
  try {
    const browser = await browserName(context, page);
    const before = machine();
    const t0 = Date.now();
    const out = await withTimeout(
      page.evaluate((name) => window.flowpadBench.run(name), suite),
      SUITE_TIMEOUT_MS,
      `suite ${suite}`,
    );
    const report = {
      suite,
      date: new Date().toISOString(),
      browser,
      results: out.results,
      targets: out.targets,
      machine: { ...before, loadAverageAfter: machine().loadAverage },
      wallSeconds: Math.round((Date.now() - t0) / 100) / 10,
    };
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, `${suite}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\n${terminalTable(report)}\n(${report.wallSeconds} s; bench/results/${suite}.json)`);
    return report;
  } finally {
    await close();
  }
}

async function main() {
  if (!existsSync(join(root, 'dist', 'bench', 'index.html'))) {
    throw new Error('dist/bench/index.html is missing: run `npm run bench` (it builds first) or `npx vite build`');
  }
  const port = await freePort();
  const server = await preview({
    root,
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  let failed = 0;
  try {
    const base = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
    const url = new URL('bench/index.html', base).href;
    const probe = await openBenchPage(url);
    const known = await probe.page.evaluate(() => window.flowpadBench.suites);
    await probe.close();
    const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    const unknown = wanted.filter((s) => !known.includes(s));
    if (unknown.length) throw new Error(`unknown suite(s) ${unknown.join(', ')}; known: ${known.join(', ')}`);
    for (const suite of wanted.length ? wanted : known) {
      try {
        const report = await runSuite(url, suite);
        writeDoc([report]);
      } catch (err) {
        failed++;
        console.error(`suite ${suite} FAILED: ${err?.stack ?? err}`);
      }
    }
  } finally {
    await server.close();
  }
  if (failed) process.exitCode = 1;
  else console.log('\ndocs/benchmarks.md updated');
}

main().catch((err) => {
  console.error(err?.stack ?? err);
  process.exit(1);
});
