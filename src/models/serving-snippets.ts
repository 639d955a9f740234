/**
 * Commands that move a request from Flowpad to a Python `mlflow models serve` server: the `curl` call of its
 * scoring protocol (pyfunc/scoring_server, `POST /invocations`, default 127.0.0.1:5000) and the serve command.
 */

/** MLflow's scoring server address by default (`--host 127.0.0.1 --port 5000`). */
export const DEFAULT_SERVER = 'http://127.0.0.1:5000';

/** Quotes `s` for a POSIX shell: one single-quoted word, with `'` written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * `curl -X POST http://127.0.0.1:5000/invocations -H 'Content-Type: application/json' -d '<request>'` for a
 * request object (sent compact) or JSON text (re-serialised compactly when it parses, else sent as written).
 */
export function curlForRequest(request: unknown, server = DEFAULT_SERVER): string {
  let body: string;
  if (typeof request === 'string') {
    try {
      body = JSON.stringify(JSON.parse(request));
    } catch {
      body = request;
    }
  } else body = JSON.stringify(request);
  return `curl -X POST ${server.replace(/\/+$/, '')}/invocations -H 'Content-Type: application/json' -d ${shellQuote(body)}`;
}

/**
 * `mlflow models serve` for a model URI. `models:/` URIs resolve against the Python side's registry
 * (MLFLOW_TRACKING_URI), so the model must exist there, e.g. imported from a Flowpad bundle. `--env-manager
 * local` uses the current Python environment instead of building one.
 */
export function serveCommand(modelUri: string, port = 5000): string {
  return `mlflow models serve -m ${shellQuote(modelUri)} -p ${port} --env-manager local`;
}
