/**
 * `npm run bench [-- --sizes 1000,10000] [--stock] [--lighthouse [--dist DIST]]`:
 * the speed and size measures of docs/benchmarks.md, rerunnable. For each size
 * it writes a sample corpus, times `validate`, and builds it with wall time and
 * peak memory from `/usr/bin/time -v`, then builds it again after editing one
 * reply (same cache directory) and times the search page in Chromium
 * (scripts/bench/search-timing.ts); with --stock it also builds the same
 * corpus with the stock @astrojs/mdx glob loader (scripts/bench/stock). With
 * --lighthouse it runs Lighthouse against nginx serving the demo build
 * (scripts/bench/lighthouse.ts); `--lighthouse` alone skips the size runs.
 * Prints Markdown tables.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { searchTimings } from './search-timing.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    stock: { type: 'boolean', default: false },
    lighthouse: { type: 'boolean', default: false },
    dist: { type: 'string' },
  },
});
// `--lighthouse` alone measures Lighthouse only; add `--sizes` for both.
const sizes = (values.sizes ?? (values.lighthouse ? '' : '1000,10000')).split(',').filter(Boolean).map(Number);
const repo = join(import.meta.dirname, '..', '..');
const bin = join(repo, 'node_modules', '.bin');
const env = {
  ...process.env,
  PATH: `${bin}:${process.env.PATH}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  SOURCE_DATE_EPOCH: '1767225600',
};

interface Run {
  seconds: number;
  peakMB: number;
  ok: boolean;
}

function timed(args: string[], extraEnv: Record<string, string>): Run {
  const r = spawnSync('/usr/bin/time', ['-v', ...args], {
    cwd: repo,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  if (r.status !== 0) console.error(r.stdout.slice(-2000), r.stderr.slice(-2000));
  return { seconds, peakMB: rss ? Number(rss[1]) / 1024 : NaN, ok: r.status === 0 };
}

function pages(dir: string): number {
  return readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('index.html')).length;
}

const rows: string[] = [];
for (const n of sizes) {
  const work = mkdtempSync(join(tmpdir(), `open-replies-bench-${n}-`));
  const content = join(work, 'content');
  spawnSync(join(bin, 'tsx'), ['scripts/sample/cli.ts', '--replies', String(n), '--out', content], {
    cwd: repo,
    env,
    stdio: 'inherit',
  });
  const validate = timed([join(bin, 'tsx'), 'scripts/validate.ts', content], {});
  rows.push(`| ${n} | validate | ${validate.seconds.toFixed(1)} s | ${validate.peakMB.toFixed(0)} MB | — |`);
  const ours = timed([join(bin, 'astro'), 'build', '--silent'], {
    CONTENT_DIR: content,
    OUT_DIR: join(repo, '.test-builds', `bench-${n}`, 'dist'),
    ASTRO_CACHE_DIR: join(work, 'cache'),
  });
  rows.push(
    `| ${n} | build (this loader) | ${ours.seconds.toFixed(1)} s | ${ours.peakMB.toFixed(0)} MB | ${ours.ok ? pages(join(repo, '.test-builds', `bench-${n}`, 'dist')) : 'failed'} |`,
  );
  if (ours.ok) {
    // One reply edited, then built again with the same cache: unchanged sessions reuse their search index.
    const session = readdirSync(join(content, 'proposals')).sort()[0];
    const reply = readdirSync(join(content, 'proposals', session), { recursive: true })
      .map(String)
      .sort()
      .find((f) => f.endsWith('.mdx') && !f.endsWith('index.mdx'))!;
    const file = join(content, 'proposals', session, reply);
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n本段为基准测试的一处修改。\n`);
    const again = timed([join(bin, 'astro'), 'build', '--silent'], {
      CONTENT_DIR: content,
      OUT_DIR: join(repo, '.test-builds', `bench-${n}`, 'dist'),
      ASTRO_CACHE_DIR: join(work, 'cache'),
    });
    rows.push(
      `| ${n} | rebuild after editing one reply | ${again.seconds.toFixed(1)} s (${((100 * again.seconds) / ours.seconds).toFixed(0)} % of the build) | ${again.peakMB.toFixed(0)} MB | ${again.ok ? 'ok' : 'failed'} |`,
    );
    const t = await searchTimings(join(repo, '.test-builds', `bench-${n}`, 'dist'));
    rows.push(
      `| ${n} | search: first results on a ready page (submitted at once / typed) / cold arrival at /search/?q=停车 | ${t.ready.toFixed(0)} ms / ${t.typed.toFixed(0)} ms / ${t.cold.toFixed(0)} ms | — | — |`,
    );
  }
  if (values.stock) {
    const stock = timed([join(bin, 'astro'), 'build', '--silent', '--root', 'scripts/bench/stock'], {
      CONTENT_DIR: content,
      OUT_DIR: join(repo, '.test-builds', `bench-${n}`, 'stock-dist'),
      ASTRO_CACHE_DIR: join(work, 'stock-cache'),
    });
    rows.push(
      `| ${n} | build (stock @astrojs/mdx glob) | ${stock.seconds.toFixed(1)} s | ${stock.peakMB.toFixed(0)} MB | ${stock.ok ? pages(join(repo, '.test-builds', `bench-${n}`, 'stock-dist')) : 'failed'} |`,
    );
  }
  rmSync(work, { recursive: true, force: true });
  rmSync(join(repo, '.test-builds', `bench-${n}`), { recursive: true, force: true });
}
if (sizes.length > 0) {
  console.log('| replies | step | wall time | peak memory | pages |\n| --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
}
if (values.lighthouse) {
  // Lighthouse against nginx serving the demo build (or --dist): scripts/bench/lighthouse.ts.
  const { lighthouseTable } = await import('./lighthouse.ts');
  console.log(await lighthouseTable(values.dist));
}
