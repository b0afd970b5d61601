// Vite config of the renderer: served in a browser for development and e2e, bundled into out/renderer for Electron.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(version) },
  build: {
    // RENDERER_OUT_DIR lets parallel e2e runs (each with its own E2E_PORT) build without overwriting each other.
    outDir: process.env.RENDERER_OUT_DIR ?? fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4096,
    target: 'chrome130',
    // `npm run bench` builds the benchmark page (bench.html, window.__bench) too; the product bundle never has it.
    ...(process.env.BENCH_BUILD
      ? { rollupOptions: { input: { main: `${root}index.html`, bench: `${root}bench.html` } } }
      : {}),
  },
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
});
