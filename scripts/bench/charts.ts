/**
 * `npx tsx scripts/bench/charts.ts CONTENT_DIR`: time to compute and render
 * every chart of the site (src/charts/specs/) for a corpus, outside Astro.
 */
import { allCharts, statsCharts } from '../../src/charts/index.ts';
import { checkContentRoot } from '../../src/lib/content-root.ts';
import { publish } from '../../src/lib/disclosure.ts';
import { groupBy, indexBy } from '../../src/lib/views.ts';

const root = process.argv[2] ?? 'content';
const { corpus, problems } = await checkContentRoot(root);
if (!corpus) throw new Error(`${problems.length} problems in ${root}`);
const pub = publish(corpus, '2030-01-01');
const replies = pub.replies;
const data = {
  buildDate: pub.buildDate,
  replies,
  proposals: pub.proposals,
  units: indexBy(pub.units),
  topics: indexBy(pub.topics),
  sessions: indexBy(pub.sessions),
  repliesByProposal: groupBy(replies, (r) => r.proposal),
};
let t = performance.now();
const stats = statsCharts(data);
const statsMs = performance.now() - t;
t = performance.now();
const all = allCharts(data);
const allMs = performance.now() - t;
console.log(`| ${replies.length} replies: the ${stats.length} charts of /stats/ | ${statsMs.toFixed(0)} ms |`);
console.log(
  `| ${replies.length} replies: all ${all.length} charts of the site (stats, sessions, units, topics) | ${allMs.toFixed(0)} ms |`,
);
