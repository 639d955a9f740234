import { A } from '@solidjs/router';
import type { JSX } from 'solid-js';

/** What a model or version link shows when this browser has no such thing (deleted, renamed, or never here). */
export function RegistryNotFound(props: { what: string; detail: JSX.Element }) {
  return (
    <section class="panel not-found">
      <h1>{props.what} not found</h1>
      <p>{props.detail} It may have been deleted or renamed, or live in another browser profile.</p>
      <A href="/models" class="button button-primary">Go to models</A>
    </section>
  );
}
