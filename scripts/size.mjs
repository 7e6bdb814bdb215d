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
 * A ratchet for the two consent elements with every dependency inside, gzipped: it may only go down.
 * (lit and @lit/task are 6.7 kB of it, the zod/mini schemas about 6 kB.)
 */
const BUDGET_GZIP_BYTES = 23 * 1024;

const outDir = await mkdtemp(join(tmpdir(), 'altinn-request-elements-size-'));
try {
  await build({
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
  console.log(`<request-consent-button> + <consent-status>, with lit, @lit/task and zod/mini:`);
  console.log(`  minified ${kb(code.length)}, gzip ${kb(gzip)} (budget ${kb(BUDGET_GZIP_BYTES)})`);
  if (gzip > BUDGET_GZIP_BYTES) {
    console.error(`Over budget by ${kb(gzip - BUDGET_GZIP_BYTES)}.`);
    process.exitCode = 1;
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
