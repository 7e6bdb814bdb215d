/**
 * What the elements cost a page, printed as figures and checked against budgets. Fails above a budget.
 *
 * 1. The CDN file (`npm run build` first): the consent and access elements and the list of
 *    requests (the system-user ones are npm entries only, for now: the CDN budget has no room),
 *    lit, @lit/task and the texts in three languages, minified (CSS in `static styles` too), gzipped, with where the bytes come from.
 * 2. Each element's npm entry as a bundler user gets it: bundled and minified with its dependencies
 *    (lit, @lit/task) external, alone on a page; and what it adds on a page that has the other
 *    elements already (its own chunk when all six are bundled together).
 *
 * Run: npm run build && npm run size
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { minifyCssTemplates } from './minify-css.mjs';

const kB = 1024;
/**
 * Budgets, gzip. The CDN file and an element alone are ratchets at what the contract's features cost
 * today (lower them as bytes go, never raise them); see README "Size" for where the bytes are.
 * GOAL is where they should end up (printed, not yet enforced).
 */
const BUDGET = {
  // The four elements; <altinn-request-list> may add 3 kB when it joins the file (it adds 3.4 kB
  // today, so it is an npm entry of its own until it is lighter).
  cdn: 20.5 * kB,
  elementAlone: 10.5 * kB,
  elementAdded: 4 * kB,
};
/**
 * <altinn-request-list> is a page of its own (lists, paging, refresh, withdrawal, its texts): its
 * own ratchets at what it measured when it joined, the others' stay as they are.
 */
const LIST_BUDGET = { elementAlone: 10.5 * kB, elementAdded: 4.7 * kB };
const budgetOf = (tag, which) =>
  tag === 'altinn-request-list' ? LIST_BUDGET[which] : BUDGET[which];
const GOAL = { cdn: 16 * kB, elementAlone: 4 * kB };
const TAGS = [
  'request-consent-button',
  'consent-status',
  'request-access-button',
  'access-request-status',
  'request-system-user-button',
  'system-user-request-status',
  'altinn-request-list',
];
const EXTERNAL = [/^lit(\/|$)/, /^@lit\//];

const format = (bytes) => `${(bytes / kB).toFixed(1)} kB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;
const failures = [];

function check(label, bytes, budget, extra = '') {
  const over = bytes > budget;
  console.log(
    `${over ? '✗' : '✓'} ${label}: gzip ${format(bytes)} (budget ${format(budget)})${extra}`,
  );
  if (over) failures.push(`${label} is ${bytes - budget} B over its budget`);
}

console.log('CDN file, every dependency inside:');
for (const file of ['altinn-request-elements.js', 'altinn-request-elements.iife.js']) {
  const code = await readFile(new URL(`../dist/cdn/${file}`, import.meta.url));
  check(`  dist/cdn/${file}`, gzip(code), BUDGET.cdn, `, minified ${format(code.length)}`);
}
const stats = JSON.parse(
  await readFile(new URL('../dist/cdn/stats.json', import.meta.url), 'utf8'),
);
console.log(
  `  by origin, tree-shaken, before minification: ${Object.entries(stats)
    .sort((a, b) => b[1] - a[1])
    .map(([origin, bytes]) => `${origin} ${format(bytes)}`)
    .join(', ')}`,
);

/** Builds `input` in memory, minified, dependencies external; answers the chunks. */
async function bundle(input) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    plugins: [minifyCssTemplates()],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rolldownOptions: {
        input,
        external: EXTERNAL,
        preserveEntrySignatures: 'strict',
        output: { format: 'es' },
      },
    },
  });
  return [result]
    .flat()
    .flatMap((output) => output.output)
    .filter((item) => item.type === 'chunk');
}

const entry = (tag) => `src/elements/${tag}/${tag}.ts`;
console.log('Each element from npm, lit and @lit/task external:');
for (const tag of TAGS) {
  const chunks = await bundle({ [tag]: entry(tag) });
  const bytes = chunks.reduce((sum, chunk) => sum + gzip(chunk.code), 0);
  check(`  ${tag} alone`, bytes, budgetOf(tag, 'elementAlone'));
}
const together = await bundle(Object.fromEntries(TAGS.map((tag) => [tag, entry(tag)])));
for (const tag of TAGS) {
  const own = together.find((chunk) => chunk.isEntry && chunk.name === tag);
  check(`  ${tag} added to the others`, gzip(own.code), budgetOf(tag, 'elementAdded'));
}
for (const chunk of together.filter((item) => !item.isEntry)) {
  const modules = Object.keys(chunk.modules).map((id) => id.replace(/^.*\/src\//, ''));
  console.log(
    `  shared by ${modules.some((id) => id.includes('create-request-controller')) ? 'the buttons' : modules.some((id) => id.includes('request-status-controller')) ? 'the status elements' : 'all of them'}: gzip ${format(gzip(chunk.code))} (${modules.length} modules)`,
  );
}

console.log(
  `Goal (not yet enforced): the CDN file ≤ ${format(GOAL.cdn)}, one element alone ≤ ${format(GOAL.elementAlone)}.`,
);

if (failures.length) {
  console.error(failures.join('\n'));
  process.exitCode = 1;
}
