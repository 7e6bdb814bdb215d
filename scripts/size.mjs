/**
 * Prints what the elements cost a page: everything bundled (lit, @lit/task, zod/mini, texts in three
 * languages), minified, as a browser downloads it, raw and gzipped. Fails above the budget.
 *
 * Run: npm run size
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/**
 * A ratchet for all four elements with every dependency inside, gzipped: lower it as bytes go. The
 * breakdown printed below says where they are.
 */
const BUDGET_GZIP_BYTES = 27 * 1024;

const outDir = await mkdtemp(join(tmpdir(), 'altinn-request-elements-size-'));
try {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      target: 'es2022',
      rolldownOptions: {
        input: { elements: 'src/index.ts' },
        preserveEntrySignatures: 'strict',
        output: { entryFileNames: '[name].js', codeSplitting: false },
      },
    },
  });
  const code = await readFile(join(outDir, 'elements.js'));
  const gzip = gzipSync(code, { level: 9 }).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(
    'All four elements (consent and access, button and status), with lit, @lit/task and zod/mini:',
  );
  console.log(`  minified ${kb(code.length)}, gzip ${kb(gzip)} (budget ${kb(BUDGET_GZIP_BYTES)})`);
  // Where the bytes come from, by package (our own code by folder).
  const chunk = [result]
    .flat()
    .flatMap((output) => output.output)
    .find((item) => item.type === 'chunk');
  const byOwner = new Map();
  for (const [id, module] of Object.entries(chunk?.modules ?? {})) {
    const owner = id.includes('node_modules/')
      ? id
          .split('node_modules/')
          .at(-1)
          .split('/')
          .slice(0, id.includes('node_modules/@') ? 2 : 1)
          .join('/')
      : id
          .replace(/^.*\/src\//, 'src/')
          .split('/')
          .slice(0, 2)
          .join('/');
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + module.renderedLength);
  }
  const rows = [...byOwner].sort((a, b) => b[1] - a[1]);
  console.log(
    `  by origin, tree-shaken before minification: ${rows.map(([owner, bytes]) => `${owner} ${kb(bytes)}`).join(', ')}`,
  );
  if (gzip > BUDGET_GZIP_BYTES) {
    console.error(`Over budget by ${kb(gzip - BUDGET_GZIP_BYTES)}.`);
    process.exitCode = 1;
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
