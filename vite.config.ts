import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';

const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

/** This library's tags: Vue renders them as custom elements (other hyphenated tags stay components). */
const ALTINN_TAGS = new Set([
  'request-consent-button',
  'consent-status',
  'request-access-button',
  'access-request-status',
]);

/**
 * The React plugin puts an inline `<script>` (Fast Refresh's preamble) into every page in dev, which
 * the pages' strict Content-Security-Policy (`script-src 'self'`) refuses. The React page imports the
 * same preamble as a module instead (`@vitejs/plugin-react/preamble`), so the inline copy goes.
 */
function withoutInlineReactPreamble(): Plugin {
  return {
    name: 'demo-without-inline-react-preamble',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace(
          /<script type="module">\s*import \{ injectIntoGlobalHook \}[\s\S]*?<\/script>\s*/,
          '',
        ),
    },
  };
}

/**
 * The demo portal's pages (`demo/`). `npm start` runs them through `demo/server.ts`, which adds the
 * backend handler and the mock Altinn on the same machine.
 */
export default defineConfig({
  root: 'demo',
  resolve: {
    // The demo imports the package by its name, as a portal would, but from its source.
    alias: [
      { find: /^altinn-request-elements$/, replacement: path('./src/index.ts') },
      { find: /^altinn-request-elements\/react$/, replacement: path('./src/react/index.ts') },
    ],
  },
  plugins: [
    // Only JSX files are React's: its Fast Refresh transform would also take hook-like calls in a
    // Vue component's script (`useTemplateRef`) for React hooks.
    react({ include: /\.[jt]sx$/ }),
    vue({
      template: {
        compilerOptions: {
          // Render the library's tags as custom elements, not as Vue components to look up.
          isCustomElement: (tag) => ALTINN_TAGS.has(tag),
        },
      },
    }),
    withoutInlineReactPreamble(),
  ],
  build: {
    outDir: path('./dist/demo'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: path('./demo/index.html'),
        tilgang: path('./demo/tilgang.html'),
        systembruker: path('./demo/systembruker.html'),
        bedriftslan: path('./demo/bedriftslan.html'),
        foresporsler: path('./demo/foresporsler.html'),
        cdn: path('./demo/cdn.html'),
        react: path('./demo/react.html'),
        vue: path('./demo/vue.html'),
      },
    },
  },
});
