import { A } from '@solidjs/router';

/** What a route shows when it hit a bug: the message, a retry, and a way home. */
export function ErrorPanel(props: { error: unknown; onRetry: () => void }) {
  const message = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <section class="panel error-panel" role="alert">
      <h1>Something went wrong</h1>
      <p>This page hit an unexpected error. Your data is safe in this browser's storage.</p>
      <pre class="error-detail">{message()}</pre>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={() => props.onRetry()}>Try again</button>
        <A href="/" class="button">Go to experiments</A>
      </div>
    </section>
  );
}
