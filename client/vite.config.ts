/**
 * Vite build of the viewer: root is this folder, output goes to the repo's `dist/client`, which
 * the Express server serves at `/`. `vite dev` proxies `/api` to a locally running server.
 * Build: `vite build --config client/vite.config.ts` (npm run build:client).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const clientDir = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: clientDir,
  base: "/",
  build: {
    outDir: fileURLToPath(new URL("../dist/client", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The default `ringlens serve` address (RINGLENS_PORT=3000).
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
});
