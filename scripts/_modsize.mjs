import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
const out = await build({
  configFile: false,
  logLevel: 'silent',
  mode: 'production',
  build: {
    write: false,
    minify: false,
    target: 'es2022',
    rolldownOptions: {
      input: process.argv[2] ?? 'src/index.ts',
      preserveEntrySignatures: 'strict',
      output: { format: 'es', codeSplitting: false },
    },
  },
});
const chunk = [out]
  .flat()
  .flatMap((o) => o.output)
  .find((i) => i.type === 'chunk');
const rows = [];
for (const [id, m] of Object.entries(chunk.modules)) {
  if (!m.code) continue;
  const min = (await transform(m.code, { minify: true, loader: 'js' })).code;
  rows.push([id.replace(/.*\/(src|node_modules)\//, '$1/'), min.length, gzipSync(min).length]);
}
rows.sort((a, b) => b[2] - a[2]);
let t = 0;
for (const r of rows) {
  t += r[2];
  console.log(String(r[2]).padStart(6), String(r[1]).padStart(7), r[0]);
}
console.log('sum gz', t);
