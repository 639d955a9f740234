import { createSignal, Show } from 'solid-js';
import { PullPanel } from '../components/PullPanel';
import { PushPanel } from '../components/PushPanel';
import { RegistryPullPanel } from '../components/RegistryPullPanel';
import { RegistryPushPanel } from '../components/RegistryPushPanel';
import { SyncErrorBanner } from '../components/SyncErrorBanner';
import { createDocumentTitle } from '../primitives/create-document-title';
import { createSyncSettings, makeRegistryRemote, makeRemote } from '../sync-settings';

/**
 * `#/sync`: push Flowpad experiments to an MLflow tracking server and pull the server's experiments here, over
 * MLflow's REST API from this page. Pushes are idempotent and resumable (interop/rest/push.ts): run one again
 * after an interruption and it sends only what the server lacks.
 */
export function SyncPage() {
  createDocumentTitle(() => 'Sync');
  const [settings, save] = createSyncSettings();
  const [url, setUrl] = createSignal(settings().url);
  const [token, setToken] = createSignal(settings().token);
  const [test, setTest] = createSignal<{ busy?: boolean; ok?: string; error?: unknown }>({});
  const remote = () => (settings().url ? makeRemote(settings()) : null);

  async function connect(e: Event) {
    e.preventDefault();
    const s = { url: url().trim().replace(/\/+$/, ''), token: token().trim() };
    save(s);
    setTest({ busy: true });
    try {
      const page = await makeRemote(s).searchExperiments({ maxResults: 1000 });
      const n = page.items.length;
      setTest({ ok: `Connected to ${s.url}: ${n}${page.nextPageToken ? '+' : ''} experiment${n === 1 ? '' : 's'} on the server.` });
    } catch (err) {
      setTest({ error: err });
    }
  }

  return (
    <>
      <div class="page-header">
        <div>
          <h1>Sync with MLflow</h1>
          <p class="subtitle">Push experiments to an MLflow tracking server, or pull them from it into this browser.</p>
        </div>
      </div>

      <section class="card" aria-labelledby="server-heading">
        <h2 id="server-heading">Tracking server</h2>
        <form class="form-grid" onSubmit={(e) => void connect(e)}>
          <label class="field">
            <span>Server URL</span>
            <input type="text" inputmode="url" placeholder="http://127.0.0.1:5000" value={url()} required
              onInput={(e) => setUrl(e.currentTarget.value)} spellcheck={false} />
          </label>
          <label class="field">
            <span>Token <span class="muted">(optional)</span></span>
            <input type="password" placeholder="sent as Authorization: Bearer …" value={token()} autocomplete="off"
              onInput={(e) => setToken(e.currentTarget.value)} />
          </label>
          <div class="form-submit">
            <button type="submit" class="button button-primary" disabled={test().busy || !url().trim()}>
              {test().busy ? 'Testing…' : 'Test connection'}
            </button>
          </div>
        </form>
        <p class="muted note">
          The URL and token are saved in this browser only. The token is sent, as the <code>Authorization</code>{' '}
          header, to this server's URL and nowhere else.
        </p>
        <Show when={test().ok}><p class="banner banner-success" role="status">{test().ok}</p></Show>
        <Show when={test().error}>{(err) => <SyncErrorBanner error={err()} action="Connection test" />}</Show>
      </section>

      <Show when={remote()} fallback={<p class="muted">Enter the server's URL and test the connection to push or pull.</p>}>
        {(r) => (
          <>
            <PushPanel remote={r()} serverUrl={settings().url} />
            <RegistryPushPanel remote={makeRegistryRemote(settings(), r())} serverUrl={settings().url} />
            <RegistryPullPanel remote={makeRegistryRemote(settings(), r())} />
            <PullPanel remote={r()} />
          </>
        )}
      </Show>
    </>
  );
}
