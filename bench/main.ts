/**
 * The bench page. bench/run.mjs opens it in headless Chromium and calls `window.flowpadBench.run(name)`;
 * a human can call the same from DevTools on a `vite preview`.
 */
import type { SuiteOutput } from './measure';
import { suites } from './registry';

export interface BenchPage {
  suites: string[];
  /** Runs one suite; `dbPrefix` defaults to a unique `bench-<suite>-<time>-`. */
  run(name: string, opts?: { dbPrefix?: string }): Promise<SuiteOutput>;
}

declare global {
  interface Window {
    flowpadBench: BenchPage;
  }
}

const logEl = document.getElementById('log');

function log(message: string): void {
  console.log(`[bench] ${message}`);
  if (logEl) logEl.textContent += `\n${message}`;
}

window.flowpadBench = {
  suites: Object.keys(suites),
  async run(name, opts = {}) {
    const load = suites[name];
    if (!load) throw new Error(`unknown suite '${name}'; known: ${Object.keys(suites).join(', ')}`);
    const suite = (await load()).default;
    const dbPrefix = opts.dbPrefix ?? `bench-${name}-${Date.now()}-`;
    log(`suite ${name} (databases ${dbPrefix}*, crossOriginIsolated=${self.crossOriginIsolated})`);
    try {
      return await suite.run({ dbPrefix, log });
    } catch (err) {
      // Errors cross page.evaluate as a message only; keep MlflowError's code and the stack.
      const e = err as { name?: string; code?: string; message?: string; stack?: string };
      const detail = `${e.name ?? 'Error'}${e.code ? ` [${e.code}]` : ''}: ${e.message ?? String(err)}`;
      log(`FAILED ${detail}\n${e.stack ?? ''}`);
      throw new Error(detail);
    }
  },
};
