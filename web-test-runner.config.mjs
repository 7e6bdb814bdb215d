// Browser tests: every test/**/*.test.ts except the Node-only ones, in Debian's Chromium (or CHROME_PATH),
// with a fake portal backend served by this same server (see test/support/fake-backend-middleware.mjs).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromiumArgs, chromiumExecutable } from './test/support/chromium.mjs';
import { fakeBackendMiddleware } from './test/support/fake-backend-middleware.mjs';

export default {
  // Node-side tests (test/node, test/mock, test/server, test/e2e) run under node:test instead.
  files: ['test/{core,elements,i18n,support}/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    // Decorators and class fields follow tsconfig.json (experimentalDecorators, useDefineForClassFields: false).
    // The plugin also resolves `./x.js` imported from a .ts file to `./x.ts`.
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      target: 'es2022',
    }),
  ],
  middleware: [fakeBackendMiddleware()],
  // Lit's development build announces itself on every page; everything else it logs is kept.
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    }),
  ],
  // Two cores: two test files at a time keeps both busy without starving the time-out tests.
  concurrency: 2,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 120_000,
  // Generous: the machine is shared, and a test must not fail because another suite runs beside it.
  testFramework: {
    config: { timeout: 30_000 },
  },
};
