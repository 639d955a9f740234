import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation gives SharedArrayBuffer, which ONNX Runtime's threaded WASM needs. The dev and preview
// servers send the headers; static hosts don't, so the service worker (src/sw.ts) adds them too.
// FLOWPAD_NO_COI_HEADERS=1 turns them off here, to try the app as GitHub Pages serves it.
const coiHeaders: Record<string, string> = process.env.FLOWPAD_NO_COI_HEADERS ? {} : {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// FLOWPAD_BASE lets a fork deploy under a sub-path (GitHub Pages: /<repo>/). Routes are hash routes.
const base = process.env.FLOWPAD_BASE ?? '/';

export default defineConfig({
  base,
  plugins: [
    solid(),
    VitePWA({
      // Our own service worker (src/sw.ts): precache, navigation fallback, COOP/COEP on every response. A new
      // build waits until the user chooses to reload (UpdatePrompt), so no tab swaps code mid-work.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        id: './',
        name: 'Flowpad',
        short_name: 'Flowpad',
        lang: 'en',
        description: 'Experiment tracking, model registry and in-browser training, local-first.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        theme_color: '#1f6feb',
        background_color: '#ffffff',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,mjs,css,html,wasm,onnx,svg,png,ico,webmanifest,csv}'],
        // The default 2 MiB fails the build: ORT's wasm is 14 MB and the tfjs worker 2.3 MB.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        // The benchmark and e2e fixture pages ship in the build but are not part of the offline app.
        globIgnores: ['bench/**', 'assets/bench-*', 'assets/*.bench-*', 'assets/measure-*', 'e2e/**', 'assets/e2e-seed-*'],
      },
    }),
  ],
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['onnxruntime-web'],
    include: ['comlink', 'dexie', 'uplot', 'fflate', 'yaml'],
  },
  server: { headers: coiHeaders },
  preview: { headers: coiHeaders },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        bench: fileURLToPath(new URL('./bench/index.html', import.meta.url)),
        // Test fixture page for the Playwright journeys (e2e/seed/index.html); not part of the offline app.
        'e2e-seed': fileURLToPath(new URL('./e2e/seed/index.html', import.meta.url)),
      },
    },
  },
});
