import { type JSX, onCleanup, Show } from 'solid-js';
import { databaseUpgradedElsewhere } from '../client';
import { pwa } from '../pwa';

/**
 * Notices from the service worker, bottom right: a new build is waiting ("Reload" activates it), or the app
 * now works offline (shown once, on the first visit).
 */
export function UpdatePrompt() {
  return (
    <div class="toasts">
      <Show when={pwa.needRefresh()}>
        <div class="toast" role="alert" aria-labelledby="update-toast-text">
          <p id="update-toast-text"><strong>A new version of Flowpad is available.</strong> Reload to use it; your data stays.</p>
          <div class="toast-actions">
            <button type="button" class="button" onClick={pwa.dismissRefresh}>Later</button>
            <button type="button" class="button button-primary" onClick={() => void pwa.reload()}>Reload</button>
          </div>
        </div>
      </Show>
      <Show when={pwa.offlineReady() && !pwa.needRefresh()}>
        <OfflineReady />
      </Show>
    </div>
  );
}

function OfflineReady() {
  const timer = setTimeout(pwa.dismissOfflineReady, 8000);
  onCleanup(() => clearTimeout(timer));
  return (
    <div class="toast" role="status">
      <p>Flowpad is ready to work offline.</p>
      <div class="toast-actions">
        <button type="button" class="button" onClick={pwa.dismissOfflineReady}>OK</button>
      </div>
    </div>
  );
}

/**
 * Shows the page, unless another tab upgraded the database: this tab's connection is then closed, so instead
 * of failing query by query it asks for a reload.
 */
export function DatabaseGuard(props: { children: JSX.Element }) {
  return (
    <Show when={!databaseUpgradedElsewhere()} fallback={
      <section class="panel upgraded-panel" role="alert">
        <h1>Flowpad was updated in another tab</h1>
        <p>
          Another tab opened this browser's Flowpad data with a newer version, so this tab stopped using it. Reload to
          continue; everything saved is kept.
        </p>
        <div class="actions">
          <button type="button" class="button button-primary" onClick={() => location.reload()}>Reload</button>
        </div>
      </section>
    }>
      {props.children}
    </Show>
  );
}
