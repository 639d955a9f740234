import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import { isMlflowError } from '../../core/errors';
import { createDocumentTitle } from '../primitives/create-document-title';
import { registry } from '../registry';
import { decodeParam } from './model-paths';
import { registryModelSource } from '../serving/model-source';
import { ModelServer } from '../serving/ModelServer';
import { ServeLanding } from '../serving/ServeLanding';
import { openModel } from '../serving/session';
import '../serving/serving.css';

const source = registryModelSource(registry);

/**
 * `#/serve?uri=<model URI>` (and `#/models/:name/versions/:version/serve`): score requests against a model in
 * the inference worker. Without a URI, a picker of registered models.
 */
export function ServePage() {
  const [search] = useSearchParams<{ uri?: string }>();
  const params = useParams<{ name?: string; version?: string }>();
  const uri = () => (params.name && params.version
    ? `models:/${decodeParam(params.name)}/${decodeParam(params.version)}`
    : search.uri?.trim() || undefined);
  const [model] = createResource(uri, async (u) => openModel(await source.resolve(u)));
  createDocumentTitle(() => (uri() ? `Serve ${model()?.model.title ?? uri()}` : 'Serve a model'));
  const failure = (): { code?: string; message: string } | undefined => {
    if (!model.error) return undefined;
    const e = model.error as { code?: string; message?: string };
    return { code: isMlflowError(e) ? e.code : undefined, message: e.message ?? String(e) };
  };
  return (
    <Switch fallback={<p class="muted loading" role="status">Loading <code>{uri()}</code> into the inference worker…</p>}>
      <Match when={!uri()}><ServeLanding /></Match>
      <Match when={failure()}>
        {(f) => (
          <section class="panel not-found" role="alert">
            <h1>Can't serve this model</h1>
            <p><code>{uri()}</code>: {f().message}</p>
            <div class="actions actions-center">
              <A href="/serve" class="button button-primary">Pick another model</A>
              <A href="/models" class="button">Go to models</A>
            </div>
          </section>
        )}
      </Match>
      {/* keyed: another URI is another model, with its own form, outcome and latency. While the next URI loads, the
          resource still holds the previous model: show the loading state, never the previous model's form. */}
      <Match when={!model.loading && model()} keyed>{(m) => <ModelServer serving={m} />}</Match>
    </Switch>
  );
}
