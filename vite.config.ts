import { defineConfig } from 'vite';
import { devBackend } from './demo/dev-backend.ts';

/**
 * `npm start`: the demo portal in `demo/` on http://localhost:5173, with a development backend and a
 * stand-in Altinn consent page served by the same server (see `demo/dev-backend.ts`).
 */
export default defineConfig({
  root: 'demo',
  server: { port: 5173, strictPort: false, host: 'localhost' },
  preview: { port: 4173, strictPort: false, host: 'localhost' },
  plugins: [devBackend()],
});
