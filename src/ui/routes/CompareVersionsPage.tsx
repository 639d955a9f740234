import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, For, type JSX, Match, Show, Switch } from 'solid-js';
import type { ModelVersion } from '../../registry';
import { SchemaDiff } from '../components/registry/SchemaDiff';
import { AliasBadge, StageBadge } from '../components/registry/StageBadge';
import { Time } from '../components/Time';
import { createDocumentTitle } from '../primitives/create-document-title';
import { loadMlModel } from '../primitives/create-model-signature';
import { registry } from '../registry';
import { decodeParam, modelPath } from './model-paths';

/** `#/models/:name/compare?a=1&b=3`: two versions' metadata side by side and the diff of their signatures. */
export function CompareVersionsPage() {
  const raw = useParams<{ name: string }>();
  const params = { get name() { return decodeParam(raw.name); } };
  const [query] = useSearchParams<{ a?: string; b?: string }>();
  createDocumentTitle(() => `Compare ${params.name} v${query.a} and v${query.b}`);
  const [data] = createResource(
    () => [params.name, query.a ?? '', query.b ?? ''] as const,
    async ([name, a, b]) => {
      const [va, vb] = await Promise.all([registry.getModelVersion(name, a), registry.getModelVersion(name, b)]);
      const [ma, mb] = await Promise.all([loadMlModel(name, va.version), loadMlModel(name, vb.version)]);
      return { va, vb, ma, mb };
    },
  );
  return (
    <>
      <nav class="breadcrumbs" aria-label="Breadcrumb">
        <A href="/models">Models</A><span aria-hidden="true">/</span>
        <A href={modelPath(params.name)}>{params.name}</A><span aria-hidden="true">/</span>
      </nav>
      <div class="page-header"><h1>Compare versions {query.a} and {query.b}</h1></div>
      <Switch fallback={<p class="muted loading">Loading versions…</p>}>
        <Match when={data.error}>{(e) => <p class="banner banner-error" role="alert">{(e() as Error).message}</p>}</Match>
        <Match when={data()}>
          {(d) => (
            <>
              <section class="section" aria-labelledby="cmp-meta">
                <h2 id="cmp-meta" class="section-title">Details</h2>
                <div class="table-wrap">
                  <table class="table table-compact compare-table">
                    <caption class="visually-hidden">Version details</caption>
                    <thead><tr><th scope="col">Field</th><th scope="col">{label(d().va)}</th><th scope="col">{label(d().vb)}</th></tr></thead>
                    <tbody>
                      <Row field="Stage" a={<StageBadge stage={d().va.currentStage} />} b={<StageBadge stage={d().vb.currentStage} />} differs={d().va.currentStage !== d().vb.currentStage} />
                      <Row field="Aliases" a={<Aliases v={d().va} />} b={<Aliases v={d().vb} />} differs={d().va.aliases.join() !== d().vb.aliases.join()} />
                      <Row field="Registered" a={<Time ms={d().va.creationTimestamp} />} b={<Time ms={d().vb.creationTimestamp} />} />
                      <Row field="Source run" a={d().va.runId || '—'} b={d().vb.runId || '—'} differs={d().va.runId !== d().vb.runId} mono />
                      <Row field="Source" a={d().va.source} b={d().vb.source} differs={d().va.source !== d().vb.source} mono />
                      <Row field="Description" a={d().va.description || '—'} b={d().vb.description || '—'} differs={d().va.description !== d().vb.description} />
                      <Row field="Tags" a={tagText(d().va)} b={tagText(d().vb)} differs={tagText(d().va) !== tagText(d().vb)} mono />
                      <Row field="Flavors" a={d().ma.flavors.join(', ') || '—'} b={d().mb.flavors.join(', ') || '—'} />
                      <Row field="Files" a={`${d().va.fileCount}`} b={`${d().vb.fileCount}`} />
                    </tbody>
                  </table>
                </div>
              </section>
              <section class="section" aria-labelledby="cmp-sig">
                <h2 id="cmp-sig" class="section-title">Signature</h2>
                <SchemaDiff a={d().ma.signature} b={d().mb.signature} labelA={label(d().va)} labelB={label(d().vb)} />
              </section>
            </>
          )}
        </Match>
      </Switch>
    </>
  );
}

const label = (v: ModelVersion) => `Version ${v.version}`;
const tagText = (v: ModelVersion) => v.tags.map((t) => `${t.key}=${t.value}`).join(', ') || '—';

function Aliases(props: { v: ModelVersion }) {
  return <div class="badges"><For each={props.v.aliases} fallback={<span class="muted">—</span>}>{(a) => <AliasBadge alias={a} />}</For></div>;
}

function Row(props: { field: string; a: JSX.Element; b: JSX.Element; differs?: boolean; mono?: boolean }) {
  return (
    <tr classList={{ 'diff-changed': props.differs }}>
      <th scope="row">{props.field}</th>
      <td classList={{ mono: props.mono, 'cell-wrap': true }}>{props.a}</td>
      <td classList={{ mono: props.mono, 'cell-wrap': true }}>{props.b}</td>
    </tr>
  );
}

