import { A, useLocation } from '@solidjs/router';
import { createDocumentTitle } from '../primitives/create-document-title';

export function NotFoundPage() {
  const location = useLocation();
  createDocumentTitle(() => 'Page not found');
  return (
    <section class="panel not-found">
      <p class="eyebrow">404</p>
      <h1>Page not found</h1>
      <p>
        Nothing lives at <code>{location.pathname}</code>. The link may be mistyped, or the page may belong to a
        newer version of Flowpad.
      </p>
      <A href="/" class="button button-primary">Go to experiments</A>
    </section>
  );
}
