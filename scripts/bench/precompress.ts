/**
 * `npx tsx scripts/bench/precompress.ts DIST`: what the build's precompressed
 * copies (src/integrations/precompress.ts) save, by kind of file: bytes of the
 * files that have copies, and of their `.br` and `.gz`. Prints a Markdown table.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';

const dist = resolve(process.argv[2] ?? 'dist');
const kinds: Record<string, string> = {
  '.html': 'pages (HTML)',
  '.css': 'scripts and styles',
  '.js': 'scripts and styles',
  '.csv': 'data (CSV, JSON)',
  '.json': 'data (CSV, JSON)',
  '.xml': 'feeds and sitemap (XML)',
};
const sums = new Map<string, { files: number; raw: number; br: number; gz: number }>();
for (const f of readdirSync(dist, { recursive: true }).map(String)) {
  const path = join(dist, f);
  if (!existsSync(`${path}.br`) && !existsSync(`${path}.gz`)) continue;
  const kind = kinds[extname(f)] ?? 'other';
  const s = sums.get(kind) ?? { files: 0, raw: 0, br: 0, gz: 0 };
  const raw = statSync(path).size;
  s.files++;
  s.raw += raw;
  s.br += existsSync(`${path}.br`) ? statSync(`${path}.br`).size : raw;
  s.gz += existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : raw;
  sums.set(kind, s);
}
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)} %`;
console.log('| files | count | original | brotli | gzip |\n| --- | --- | --- | --- | --- |');
const total = { files: 0, raw: 0, br: 0, gz: 0 };
for (const [kind, s] of [...sums].sort()) {
  for (const k of ['files', 'raw', 'br', 'gz'] as const) total[k] += s[k];
  console.log(
    `| ${kind} | ${s.files} | ${kb(s.raw)} | ${kb(s.br)} (${pct(s.br, s.raw)}) | ${kb(s.gz)} (${pct(s.gz, s.raw)}) |`,
  );
}
console.log(
  `| **all** | ${total.files} | ${kb(total.raw)} | ${kb(total.br)} (${pct(total.br, total.raw)}) | ${kb(total.gz)} (${pct(total.gz, total.raw)}) |`,
);
