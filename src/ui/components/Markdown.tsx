import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { createMemo } from 'solid-js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

// One parser instance with GitHub-flavoured markdown; never the shared global `marked` others might configure.
// Raw HTML in the source is shown as text, not parsed: user text stays inert even before sanitising.
const parser = new Marked({ gfm: true, breaks: false, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });

// Links in user markdown open in a new tab and cannot reach back into the app (window.opener). Images load only
// from inline data: or blob: URLs: a remote image in a description would be a tracking pixel (the CSP blocks it
// too) and a local-first app has nothing to show at a relative path; its URL stays visible in the title.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
  const src = node.tagName === 'IMG' ? node.getAttribute('src') : null;
  if (node.tagName === 'IMG') node.removeAttribute('srcset');
  if (src !== null && !/^(data:image\/|blob:)/i.test(src)) {
    node.removeAttribute('src');
    node.setAttribute('title', `Image not loaded (not stored in this browser): ${src}`);
  }
});

/**
 * Markdown as HTML that is safe to insert: parsed by `marked` with raw HTML escaped to text, then sanitised by
 * DOMPurify (which also drops `javascript:` URLs and any active content). The only path from user text to innerHTML.
 */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(parser.parse(source) as string, { USE_PROFILES: { html: true } });
}

/** Renders an MLflow description (`mlflow.note.content`), sanitised. */
export function Markdown(props: { source: string; class?: string }) {
  const html = createMemo(() => renderMarkdown(props.source));
  return <div class={`markdown ${props.class ?? ''}`} innerHTML={html()} />;
}
