import { createResource, Show } from 'solid-js';
import { requestPersistence } from '../pwa';
import { formatBytes } from './format';

interface BrowserStorage {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

async function readBrowserStorage(): Promise<BrowserStorage> {
  const s = navigator.storage;
  if (!s) return {};
  const [estimate, persisted] = await Promise.all([s.estimate?.() ?? {}, s.persisted?.()]);
  return { usage: estimate.usage, quota: estimate.quota, persisted };
}

/**
 * "This browser": how much of the origin's quota Flowpad uses (`navigator.storage.estimate()`, the browser's
 * own count) and whether the storage is persistent, with a button to ask again. `version` changes re-read it.
 */
export function UsagePanel(props: { version: number }) {
  const [info, { refetch }] = createResource(() => props.version, readBrowserStorage);
  const share = () => {
    const i = info();
    return i?.usage !== undefined && i.quota ? Math.min(1, i.usage / i.quota) : 0;
  };
  const ask = async () => {
    await requestPersistence().catch(() => undefined);
    await refetch();
  };
  return (
    <section class="card" aria-labelledby="usage-title">
      <h2 id="usage-title">This browser</h2>
      <Show when={info()} fallback={<p class="muted">Reading storage…</p>}>
        {(i) => (
          <>
            <p class="usage-line">
              <strong>{formatBytes(i().usage)}</strong> used of <strong>{formatBytes(i().quota)}</strong> this site may use
            </p>
            <p class="muted hint">The browser's count: it includes the app's offline copy and storage overhead.</p>
            <meter class="usage-meter" min="0" max="1" low={0.7} high={0.9} optimum={0} value={share()} aria-label="Storage used" />
            <Show
              when={i().persisted}
              fallback={
                <div class="persist-line">
                  <p>
                    <span class="dot dot-warning" aria-hidden="true" />
                    <strong>Persistent storage: not granted.</strong> The browser may clear Flowpad's data when the disk runs
                    low. Export backups regularly.
                  </p>
                  <Show when={navigator.storage?.persist}>
                    <button type="button" class="button" onClick={ask}>Request persistent storage</button>
                  </Show>
                </div>
              }
            >
              <p class="persist-line">
                <span class="dot dot-success" aria-hidden="true" />
                <strong>Persistent storage: granted.</strong> The browser will not clear Flowpad's data to free space.
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
