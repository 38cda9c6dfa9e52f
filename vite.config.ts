import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { aliases } from './aliases';
import { precompressDir } from './server/lib/precompress';

/** Brotli and gzip copies of the build, which the server sends to browsers that accept them. */
const precompress = (): Plugin => ({
  name: 'tokenly-precompress',
  apply: 'build',
  closeBundle: async () => void (await precompressDir('dist')),
});

const server = process.env.API_ORIGIN ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress()],
  resolve: { alias: aliases },
  build: { outDir: 'dist', sourcemap: true, target: 'es2022', manifest: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // `npm run dev`: the app with hot reload, talking to the same server.
    // changeOrigin stays off: the Host the browser used is what a signed request names.
    proxy: { '/api': server, '/media': server, '/v3': server },
  },
});
