/**
 * What the elements cost a page, measured on the built CDN file (`npm run build` first): all four
 * elements, lit, @lit/task, valibot and the texts in three languages, minified, raw and gzipped, with
 * where the bytes come from. Fails above the budget.
 *
 * Run: npm run build && npm run size
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * A ratchet for the CDN file, gzipped: lower it as bytes go. (Issue 5 aims at 14 kB; the breakdown
 * says where the bytes are.)
 */
const BUDGET_GZIP_BYTES = 22 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
let over = false;
for (const file of ['altinn-request-elements.js', 'altinn-request-elements.iife.js']) {
  const code = await readFile(new URL(`../dist/cdn/${file}`, import.meta.url));
  const gzip = gzipSync(code, { level: 9 }).length;
  console.log(
    `dist/cdn/${file}: minified ${kb(code.length)}, gzip ${kb(gzip)} (budget ${kb(BUDGET_GZIP_BYTES)})`,
  );
  if (gzip > BUDGET_GZIP_BYTES) {
    console.error(`  over budget by ${kb(gzip - BUDGET_GZIP_BYTES)}`);
    over = true;
  }
}
const stats = JSON.parse(
  await readFile(new URL('../dist/cdn/stats.json', import.meta.url), 'utf8'),
);
const rows = Object.entries(stats).sort((a, b) => b[1] - a[1]);
console.log(
  `by origin, tree-shaken before minification: ${rows.map(([origin, bytes]) => `${origin} ${kb(bytes)}`).join(', ')}`,
);
if (over) process.exitCode = 1;
