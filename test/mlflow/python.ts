/**
 * Runs the real MLflow (Python, from `.venv`, made by scripts/setup-python.sh) for the interop tests.
 * Every child gets telemetry off and the FileStore allowed; only loopback is ever contacted.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PYTHON = join(REPO, '.venv/bin/python');
export const PY_DIR = join(REPO, 'test/mlflow/py');

/** Throws a message naming the setup script when the virtualenv is missing. */
export function requirePython(): void {
  if (!existsSync(PYTHON)) {
    throw new Error(`${PYTHON} not found: run scripts/setup-python.sh (or npm run test:mlflow) to install the real MLflow first.`);
  }
}

export const PY_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  MLFLOW_ALLOW_FILE_STORE: 'true',
  MLFLOW_DISABLE_TELEMETRY: 'true',
  DO_NOT_TRACK: 'true',
  PYTHONDONTWRITEBYTECODE: '1',
  PYTHONWARNINGS: 'ignore',
};

/** Runs `test/mlflow/py/<script>` with args in `cwd`; resolves to stdout, rejects with stderr's tail. */
export function runPy(script: string, args: string[], opts: { cwd?: string; input?: string } = {}): Promise<string> {
  return runPython([join(PY_DIR, script), ...args], opts);
}

/** Runs MLflow's command line (`python -m mlflow <args>`), e.g. `models predict`; same contract as {@link runPy}. */
export function runMlflowCli(args: string[], opts: { cwd?: string; input?: string } = {}): Promise<string> {
  return runPython(['-m', 'mlflow', ...args], opts);
}

function runPython(argv: string[], opts: { cwd?: string; input?: string }): Promise<string> {
  requirePython();
  const what = argv[0] === '-m' ? argv.slice(1, 4).join(' ') : relative(PY_DIR, argv[0]!);
  return new Promise((res, rej) => {
    const child = spawn(PYTHON, argv, { cwd: opts.cwd ?? tmpdir(), env: PY_ENV });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => (code === 0 ? res(out) : rej(new Error(`${what} exited ${code}:\n${err.slice(-4000)}`))));
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/**
 * Scratch space for stores and servers: tmpfs when the machine has one, because SQLite's fsyncs on a disk-backed
 * /tmp double MLflow's run time here. FLOWPAD_TEST_TMP overrides.
 */
const SCRATCH = process.env.FLOWPAD_TEST_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
const made: string[] = [];
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(SCRATCH, `flowpad-${name}-`));
  made.push(dir);
  return dir;
}
/** Removes every tempDir this test file made (call in afterAll; set FLOWPAD_KEEP_TMP=1 to keep them). */
export function removeTempDirs(): void {
  if (process.env.FLOWPAD_KEEP_TMP) return;
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}
export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Every file under `dir` as relative path → bytes. */
export function readDirTree(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), new Uint8Array(readFileSync(p)));
    }
  };
  walk(dir);
  return out;
}

/** Writes path → bytes under `dir`; a path ending in '/' is an empty folder. */
export function writeDirTree(dir: string, files: ReadonlyMap<string, Uint8Array>): void {
  for (const [p, data] of files) {
    const full = join(dir, p);
    if (p.endsWith('/')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data);
  }
}
