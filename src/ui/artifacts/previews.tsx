/** The previewers: text, table (with a raw view), image, and HTML in a script-less sandbox. User content goes in as text only. */
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { TABLE_ROWS_SHOWN } from './preview-load';

/** Text as is, in a scrollable, focusable block. */
export function TextPreview(props: { text: string }) {
  return <pre class="preview-text" tabindex="0" aria-label="File contents">{props.text}</pre>;
}

/** A table (first TABLE_ROWS_SHOWN rows) with a switch to the raw text. */
export function TablePreview(props: { columns: string[]; rows: string[][]; totalRows: number; raw: string }) {
  const [raw, setRaw] = createSignal(false);
  return (
    <>
      <div class="preview-toolbar" role="group" aria-label="Preview mode">
        <button type="button" class="chip-toggle" aria-pressed={!raw()} onClick={() => setRaw(false)}>Table</button>
        <button type="button" class="chip-toggle" aria-pressed={raw()} onClick={() => setRaw(true)}>Raw</button>
        <span class="muted small">
          {props.totalRows.toLocaleString('en-US')} row{props.totalRows === 1 ? '' : 's'} × {props.columns.length} column{props.columns.length === 1 ? '' : 's'}
          {props.totalRows > TABLE_ROWS_SHOWN ? ` · showing the first ${TABLE_ROWS_SHOWN.toLocaleString('en-US')}` : ''}
        </span>
      </div>
      <Show when={!raw()} fallback={<TextPreview text={props.raw} />}>
        <div class="preview-table-wrap" tabindex="0">
          <table class="table preview-table">
            <thead>
              <tr><For each={props.columns}>{(c) => <th scope="col" title={c}>{c === '' ? '(unnamed)' : c}</th>}</For></tr>
            </thead>
            <tbody>
              <For each={props.rows}>
                {(r) => <tr><For each={props.columns}>{(_, i) => <td title={r[i()] ?? ''}>{r[i()] ?? ''}</td>}</For></tr>}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </>
  );
}

/** An image from a Blob (object URL revoked on unmount); a message if the browser cannot decode it. */
export function ImagePreview(props: { blob: Blob; name: string }) {
  const url = createMemo(() => {
    const u = URL.createObjectURL(props.blob);
    onCleanup(() => URL.revokeObjectURL(u));
    return u;
  });
  const [broken, setBroken] = createSignal(false);
  return (
    <Show when={!broken()} fallback={<p class="banner banner-warning" role="status">This image could not be decoded by the browser. Download it to open it elsewhere.</p>}>
      <div class="preview-image"><img src={url()} alt={props.name} onError={() => setBroken(true)} /></div>
    </Show>
  );
}

/**
 * The policy put in front of a previewed HTML document: nothing may load from the network; inline styles and inline
 * images stay. The srcdoc document also inherits the app's own CSP (which already refuses foreign images and
 * styles); this one keeps the preview request-free even if the app's policy is ever widened. A later policy in
 * the document can only narrow it.
 */
export const HTML_PREVIEW_CSP = "default-src 'none'; img-src data: blob:; media-src data: blob:; style-src 'unsafe-inline'; font-src data:";

/** The srcdoc of an HTML preview: the user's document behind a meta CSP that loads nothing from the network. */
export function previewSrcdoc(html: string): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${HTML_PREVIEW_CSP}">${html}`;
}

/**
 * HTML in an iframe with an empty `sandbox`: no scripts, no forms, no same-origin access, no top navigation; and
 * its own CSP (above): no requests. The document comes from srcdoc, so it cannot reach this app's storage either.
 */
export function HtmlPreview(props: { text: string; name: string }) {
  return <iframe class="preview-html" sandbox="" srcdoc={previewSrcdoc(props.text)} title={`Preview of ${props.name}`} referrerpolicy="no-referrer" />;}
