/**
 * `npx tsx scripts/bench/pagefind-memory.ts DIST (whole|sessions)`: indexes
 * the reply and proposal pages of a built site with Pagefind's Node API, as
 * src/integrations/pagefind.ts does, either in one index for the whole corpus
 * (as before issue 15) or one index per session, each in a fresh indexer
 * process, and prints each indexer process's peak resident memory (VmHWM,
 * read from /proc just before the process is closed) and the wall time. It
 * measures Pagefind alone, without Astro's page phase, so both ways can be
 * compared on the same pages.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { close, createIndex } from 'pagefind';
import { indexOptions, sessionDigest, sessionsIn } from '../../src/integrations/pagefind.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const mode = process.argv[3] === 'whole' ? 'whole' : 'sessions';

/** Peak RSS in MB of this process's Pagefind indexer children. */
function indexerPeakMB(): number {
  const pids = execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  let peak = 0;
  for (const pid of pids) {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (!/^Name:\s*pagefind/m.test(status)) continue;
    peak = Math.max(peak, Number(/^VmHWM:\s*(\d+)/m.exec(status)?.[1] ?? 0) / 1024);
  }
  return peak;
}

async function index(glob: string, out: string): Promise<{ pages: number; peakMB: number }> {
  const { index } = await createIndex(indexOptions);
  const { page_count } = await index!.addDirectory({ path: dist, glob });
  await index!.writeFiles({ outputPath: out });
  const peakMB = indexerPeakMB();
  await close();
  return { pages: page_count, peakMB };
}

const started = performance.now();
const out = join('/tmp', `pagefind-memory-${process.pid}`);
const runs = mode === 'whole' ? [{ name: 'all sessions', ...(await index('proposals/**/*.html', out)) }] : [];
if (mode === 'sessions')
  // Only the directories with search records: listing folders such as /proposals/filter/ have none.
  for (const s of sessionsIn(dist).filter((d) => sessionDigest(dist, d, '') !== undefined))
    runs.push({ name: s, ...(await index(`proposals/${s}/**/*.html`, join(out, s))) });
const seconds = (performance.now() - started) / 1000;
const largest = runs.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
console.log(
  `${mode}: ${runs.reduce((s, r) => s + r.pages, 0)} records in ${runs.length} index(es), ${seconds.toFixed(1)} s; ` +
    `largest indexer peak RSS ${largest.peakMB.toFixed(0)} MB (${largest.name}, ${largest.pages} records)`,
);
