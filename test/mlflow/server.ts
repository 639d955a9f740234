/** Starts `mlflow server` on a free loopback port for a test, and stops it (its whole process group). */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { PY_ENV, REPO, requirePython } from './python';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => res(port));
    });
  });
}

/**
 * `mlflow server` with a SQLite backend and proxied artifacts under `dir`, bound to 127.0.0.1. `extraArgs` are
 * appended, e.g. `['--cors-allowed-origins', 'http://localhost:4173']` for a browser test.
 */
export async function startMlflowServer(dir: string, extraArgs: string[] = []): Promise<RunningServer> {
  requirePython();
  const port = await freePort();
  const child = spawn(join(REPO, '.venv/bin/mlflow'), [
    'server', '--backend-store-uri', `sqlite:///${dir}/server.db`, '--artifacts-destination', join(dir, 'artifacts'),
    '--host', '127.0.0.1', '--port', String(port), '--workers', '1', ...extraArgs,
  ], { cwd: dir, env: PY_ENV, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`mlflow server exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`mlflow server did not start within 120 s:\n${log}`);
}
