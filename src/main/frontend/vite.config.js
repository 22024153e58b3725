// 汾河工作台 (the workbench): built by Maven into target/classes/static/fenhe/ — index.html at /fenhe/,
// the scripts and styles under /fenhe/app/ (the platform's other pages /fenhe/*.html stay as they are).
// `npm run dev` serves it on http://localhost:5173/fenhe/ against a platform running on :8080 (FENHE_URL).
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

const platform = process.env.FENHE_URL || 'http://localhost:8080';
const outDir = fileURLToPath(new URL('../../../target/classes/static/fenhe', import.meta.url));

export default defineConfig({
  base: '/fenhe/',
  plugins: [vue()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'app',
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': platform,
      '/camunda/api': platform,
    },
  },
});
