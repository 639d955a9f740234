import { Show } from 'solid-js';
import { isUnreachable } from '../../interop/rest';

/**
 * A failed server call: MLflow's `error_code` and message, and when the request got no answer at all (fetch threw
 * a TypeError: server down, wrong URL, or the browser blocked it for CORS), how to start the server for this origin.
 */
export function SyncErrorBanner(props: { error: unknown; action: string }) {
  const e = () => props.error as { code?: string; message?: string };
  return (
    <div class="banner banner-error" role="alert">
      <b>{props.action} failed.</b>{' '}
      <Show when={e().code}><span class="mono error-code">{e().code}</span>{': '}</Show>
      {e().message ?? String(props.error)}
      <Show when={isUnreachable(props.error)}>
        <p class="hint">
          Is the server running, and does it allow requests from this page? Browsers block cross-origin calls unless
          the server opts in: start it with{' '}
          <code>mlflow server --cors-allowed-origins {location.origin}</code>
          {' '}(and <code>--allowed-hosts</code> with its host name when it is not localhost).
        </p>
      </Show>
    </div>
  );
}
