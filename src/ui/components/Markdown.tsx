import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { createMemo } from 'solid-js';

// One parser instance with GitHub-flavoured markdown; never the shared global `marked` others might configure.
const parser = new Marked({ gfm: true, breaks: false, async: false });

// Links in user markdown open in a new tab and cannot reach back into the app (window.opener).
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.getAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Markdown as HTML that is safe to insert: parsed by `marked`, then sanitised by DOMPurify (scripts, event
 * handlers, `javascript:` URLs and other active content removed). The only path from user text to innerHTML.
 */
export function renderMarkdown(source: string): string {
  return DOMPurify.sanitize(parser.parse(source) as string, { USE_PROFILES: { html: true } });
}

/** Renders an MLflow description (`mlflow.note.content`), sanitised. */
export function Markdown(props: { source: string; class?: string }) {
  const html = createMemo(() => renderMarkdown(props.source));
  return <div class={`markdown ${props.class ?? ''}`} innerHTML={html()} />;
}
