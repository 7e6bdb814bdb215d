import { defineConfig } from 'vite';

/**
 * The demo portal's page (`demo/`). `npm start` runs it through `demo/server.ts`, which adds the
 * backend handler and the mock Altinn on the same machine.
 */
export default defineConfig({
  root: 'demo',
});
