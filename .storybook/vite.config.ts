import { defineConfig } from 'vite';

/**
 * Storybook's own Vite settings (see `viteConfigPath` in main.ts), so that the project's
 * vite.config.ts, which is the demo portal's, does not apply. Storybook sets root, base, plugins and
 * output itself; TypeScript settings (decorators, class fields) come from tsconfig.json.
 */
export default defineConfig({});
