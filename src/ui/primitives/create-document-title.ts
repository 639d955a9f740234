import { createRenderEffect } from 'solid-js';

const APP_NAME = 'Flowpad';

/** Keeps `document.title` as "<page> · Flowpad" while the calling component is mounted. */
export function createDocumentTitle(page: () => string | undefined): void {
  createRenderEffect(() => {
    const title = page();
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  });
}
