import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

// Custom roots: the design card fixes src-main / src-renderer / src-shared.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // drizzle-orm is hundreds of small ES modules; resolving them at start-up cost ~0.5 s of
      // cold start (bench/FINDINGS.md). Bundled, only the parts we use load.
      externalizeDeps: { exclude: ['drizzle-orm'] },
      rollupOptions: {
        // server and cli are headless entries over the same core; they must never pull electron.
        input: {
          main: resolve(root, 'src-main/main.ts'),
          server: resolve(root, 'src-main/server.ts'),
          cli: resolve(root, 'src-main/cli.ts'),
          // worker_threads entry: embedding inference off the main thread (locateEmbedWorker).
          'embed-worker': resolve(root, 'src-main/core/embeddings/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require a few Electron modules: bundle everything.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          capture: resolve(root, 'src-renderer/capture.html'),
        },
      },
    },
  },
});
