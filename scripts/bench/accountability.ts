/**
 * Time of the accountability computations (related proposals, recurring
 * matters, near-identical replies, commitments, proposers, satisfaction) on a
 * content root, and the related-proposal precision on the hand-labelled pairs.
 *
 *   npx tsx scripts/bench/accountability.ts /tmp/sample-10k
 *
 * The corpus is read and gated first (not timed: the build does that anyway);
 * then each computation runs as the build runs it, once, timed with
 * performance.now(). Prints a Markdown table for docs/benchmarks.md.
 */
import { performance } from 'node:perf_hooks';
import { checkContentRoot } from '../../src/lib/content-root.ts';
import { publish } from '../../src/lib/disclosure.ts';
import { buildDate } from '../../src/lib/dates.ts';
import { commitmentItems } from '../../src/lib/accountability/commitments.ts';
import { proposerSummaries } from '../../src/lib/accountability/proposers.ts';
import { relatedProposals, similarReplies, proposalText, RELATED } from '../../src/lib/accountability/related.ts';
import { satisfactionBy } from '../../src/lib/accountability/satisfaction.ts';
import { similarPairs } from '../../src/lib/accountability/similarity.ts';
import { groupBy } from '../../src/lib/views.ts';
import { pairs } from '../../test/fixtures/similarity/pairs.ts';

const root = process.argv[2];
/** `--read-only`: read and gate the corpus, compute nothing (the baseline for farm-bench --vs). */
const readOnly = process.argv.includes('--read-only');
if (!root) {
  console.error('用法：npx tsx scripts/bench/accountability.ts <content root>');
  process.exit(2);
}

// Precision on the labelled pairs: the build's own method (LSH candidates, MinHash estimate, threshold).
const scored = pairs.map((p) => ({
  related: p.related,
  found: similarPairs([proposalText(p.a), proposalText(p.b)], RELATED).length > 0,
}));
const tp = scored.filter((s) => s.related && s.found).length;
const fp = scored.filter((s) => !s.related && s.found).length;
const positives = scored.filter((s) => s.related).length;
console.log(
  `labelled pairs: ${pairs.length} (${positives} related, ${pairs.length - positives} unrelated); ` +
    `threshold ${RELATED.threshold}: precision ${(tp / (tp + fp)).toFixed(3)} (${tp}/${tp + fp}), recall ${(tp / positives).toFixed(3)} (${tp}/${positives})`,
);

const checked = await checkContentRoot(root, { render: false });
if (!checked.corpus) {
  console.error(`${root}: ${checked.problems.length} problems`);
  process.exit(1);
}
const c = publish(checked.corpus, buildDate());
const proposals = c.proposals.map(({ html: _h, ...p }) => p);
const replies = c.replies.map((r) => (r.state === 'published' ? (({ html: _h, ...x }) => x)(r) : r));
const byProposal = groupBy(replies, (r) => r.proposal);

if (readOnly) process.exit(0);
const rows: [string, number, number, string][] = [];
function time<T>(label: string, f: () => T, say: (t: T) => string): T {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = f();
  const c = process.cpuUsage(c0);
  rows.push([label, performance.now() - t0, (c.user + c.system) / 1000, say(out)]);
  return out;
}
time(
  'related proposals + recurring matters',
  () => relatedProposals(proposals),
  (r) => `${r.pairs} pairs, ${r.related.size} proposals with related, ${r.recurring.length} matters in ≥ 3 sessions`,
);
time(
  'near-identical replies',
  () => similarReplies(replies),
  (r) => `${r.pairs.length} pairs in ${r.byUnit.filter((u) => u.pairs > 0).length} units`,
);
time(
  'commitments',
  () => commitmentItems(replies, c.buildDate),
  (r) => `${r.length} commitments, ${r.filter((i) => i.state === 'overdue').length} overdue`,
);
time(
  'proposers',
  () =>
    proposerSummaries(
      c.proposers,
      proposals.map((p) => ({
        ...p,
        title: p.data.title,
        proposers: p.data.proposers,
        ...(p.data.key && { key: p.data.key }),
      })),
      byProposal,
    ),
  (r) => `${r.length} proposers`,
);
time(
  'satisfaction',
  () => [satisfactionBy(replies, 'unit'), satisfactionBy(replies, 'session')],
  (r) => `${r[0].length} units, ${r[1].length} sessions`,
);
const total = rows.reduce((s, r) => s + r[1], 0);
const totalCpu = rows.reduce((s, r) => s + r[2], 0);
console.log(`\n${root}: ${c.replies.length} replies, ${c.proposals.length} proposals\n`);
console.log('| computation | wall | cpu | result |\n|---|---:|---:|---|');
for (const [label, ms, cpu, say] of rows)
  console.log(`| ${label} | ${(ms / 1000).toFixed(2)} s | ${(cpu / 1000).toFixed(2)} s | ${say} |`);
console.log(`| **total** | **${(total / 1000).toFixed(2)} s** | **${(totalCpu / 1000).toFixed(2)} s** | |`);
