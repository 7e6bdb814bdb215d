import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for the four elements: every state of every element, with a fake backend inside the
 * preview (stories/support/fake-backend.ts) and the docs tables from custom-elements.json.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    options: {
      // Not the project's vite.config.ts: that one serves the demo portal (`root: 'demo'`) and may
      // carry plugins the elements do not need.
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.ts', import.meta.url)) },
    },
  },
  // Storybook's own manager and docs bundles are larger than Vite's default warning limit.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
  }),
  core: {
    // Without this Storybook waits on network time-outs where the network is closed.
    disableTelemetry: true,
  },
};

export default config;
