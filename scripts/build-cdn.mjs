/**
 * The files for a plain <script> tag: `dist/cdn/altinn-request-elements.js`, one minified ES module
 * that registers every element and holds every dependency, and `altinn-request-elements.iife.js`
 * for old-style `<script src>` (its API on `window.AltinnRequestElements`).
 *
 * A normal (not library-mode) build: library mode leaves ES output unminified.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { build } from 'vite';
import { minifyCssInCode, minifyCssTemplates, minifyHtmlTemplates } from './minify-css.mjs';

// A production build resolves lit's `production` export condition: no dev-mode code or warnings.
// Vite takes the condition from NODE_ENV when it is set: a parent process (a test runner, the demo
// rebuilding a stale file) must not turn this into a development build.
process.env.NODE_ENV = 'production';
const common = {
  configFile: false,
  logLevel: 'warn',
  mode: 'production',
  plugins: [minifyCssTemplates()],
};

// The npm files (tsc's output) get the same minified templates: a portal's minifier leaves template
// text alone, so `static styles` would otherwise ship their comments and indentation, and html`…`
// templates their indentation.
for (const entry of await readdir('dist/elements', { recursive: true })) {
  if (!entry.endsWith('.js')) continue;
  const file = `dist/elements/${entry}`;
  const code = await readFile(file, 'utf8');
  if (!code.includes('css`') && !/html ?`/.test(code)) continue;
  await writeFile(file, minifyHtmlTemplates(minifyCssInCode(code), file));
}

const module = await build({
  ...common,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    minify: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: { 'altinn-request-elements': 'src/index.ts' },
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: '[name].js', codeSplitting: false },
    },
  },
});

await build({
  ...common,
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: false,
    minify: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      input: 'src/index.ts',
      // Keep the entry's exports: they become window.AltinnRequestElements.
      preserveEntrySignatures: 'strict',
      output: {
        format: 'iife',
        name: 'AltinnRequestElements',
        entryFileNames: 'altinn-request-elements.iife.js',
      },
    },
  },
});

// Where the bytes come from, by package (our own code by folder), for `npm run size`.
const chunk = [module]
  .flat()
  .flatMap((output) => output.output)
  .find((item) => item.type === 'chunk');
const byOrigin = {};
for (const [id, rendered] of Object.entries(chunk?.modules ?? {})) {
  const path = id.replace(/\\/g, '/');
  const origin = path.includes('node_modules/')
    ? path
        .split('node_modules/')
        .at(-1)
        .split('/')
        .slice(0, path.split('node_modules/').at(-1).startsWith('@') ? 2 : 1)
        .join('/')
    : path
        .replace(/^.*\/src\//, 'src/')
        .split('/')
        .slice(0, path.includes('/src/elements/') ? 3 : 2)
        .join('/');
  byOrigin[origin] = (byOrigin[origin] ?? 0) + rendered.renderedLength;
}
await writeFile('dist/cdn/stats.json', `${JSON.stringify(byOrigin, null, 2)}\n`);
