import { defineConfig } from 'vite';

// Run from the repo root: `vite build --config renderer/vite.config.ts`.
const root = import.meta.dirname;

export default defineConfig({
  root,
  // Relative asset URLs: Electron loads the build from file://, the web host from http://.
  base: './',
  // No React plugin: Vite 8 (Oxc) compiles TSX itself; ask for the automatic runtime explicitly.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The renderer imports ../shared, outside the Vite root.
    fs: { allow: ['..'] },
    proxy: { '/api': { target: 'http://127.0.0.1:4599', changeOrigin: false } },
  },
});
