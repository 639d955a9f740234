import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

// Cross-origin isolation gives SharedArrayBuffer, which ONNX Runtime's threaded WASM needs.
const coiHeaders = {
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
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Flowpad',
        short_name: 'Flowpad',
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
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,wasm,onnx,svg,png,ico,webmanifest}'],
        // The default 2 MiB fails the build: ORT's wasm is 14 MB and the tfjs worker 2.3 MB.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/bench\//],
        // The benchmark page (bench/, `npm run bench`) ships in the build but is not part of the offline app.
        globIgnores: ['bench/**', 'assets/bench-*', 'assets/*.bench-*', 'e2e/**', 'assets/e2e-seed-*'],
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
