/**
 * `npx tsx scripts/bench/open-data.ts CONTENT_DIR`: CPU time and size of every
 * open-data file of a corpus (src/lib/open-data/), outside Astro: rows (with
 * the plain text read from each rendered body, as the build does), CSV, JSON, XLSX and the per-unit
 * and per-session CSVs. Prints Markdown table rows for docs/benchmarks.md.
 */
import { checkContentRoot } from '../../src/lib/content-root.ts';
import { parseBody, renderBody } from '../../src/lib/model/dialect/index.ts';
import { publish } from '../../src/lib/disclosure.ts';
import {
  proposalRows,
  replyFields,
  replyRows,
  tables,
  toCsv,
  toJson,
  toXlsx,
  unitRows,
  withheldRows,
} from '../../src/lib/open-data/index.ts';
import { indexBy } from '../../src/lib/views.ts';

const root = process.argv[2] ?? 'content';
const { corpus, problems } = await checkContentRoot(root);
if (!corpus) throw new Error(`${problems.length} problems in ${root}`);
const pub = publish(corpus, '2030-01-01');
// The build renders every body once at load time (the collections' loader); done here, untimed, the same way.
const render = (body: string) => renderBody(parseBody('body', body, 1).tree!);
const htmlById = new Map<string, string>([
  ...pub.proposals.map((p) => [p.id, render(p.body)] as [string, string]),
  ...pub.replies.flatMap((r) => (r.state === 'published' ? [[r.id, render(r.body)] as [string, string]] : [])),
]);
const lookups = {
  siteUrl: 'https://replies.example.org',
  proposals: new Map(pub.proposals.map((p) => [p.id, p])),
  units: indexBy(pub.units),
  sessions: indexBy(pub.sessions),
  proposers: indexBy(pub.proposers),
  topics: indexBy(pub.topics),
  // As in the build: the HTML rendered once at load time, read as text.
  html: (id: string) => htmlById.get(id),
};
/** CPU time (user + system) of `f`: on a shared machine wall time says more about the neighbours than about us. */
const time = async <T>(f: () => T | Promise<T>): Promise<[T, number]> => {
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const t = cpu();
  const v = await f();
  return [v, cpu() - t];
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const [rows, rowsMs] = await time(() => ({
  replies: replyRows(pub.replies, lookups),
  proposals: proposalRows(pub.proposals, { ...lookups, replies: pub.replies }),
  units: unitRows(pub.units, pub.replies, lookups.siteUrl),
  withheld: withheldRows(pub.replies, lookups),
}));
const n = rows.replies.length;
console.log(
  `| ${n} published replies: rows of the 4 tables (plain text from the rendered HTML) | ${rowsMs.toFixed(0)} ms | |`,
);
for (const name of Object.keys(rows) as (keyof typeof rows)[]) {
  const table: readonly object[] = rows[name];
  const fields = tables[name].fields;
  const [csv, csvMs] = await time(() => toCsv(table, fields));
  const [json, jsonMs] = await time(() => toJson(table, { columns: fields, pretty: true }));
  const [xlsx, xlsxMs] = await time(() => toXlsx(table, fields, { sheet: tables[name].title, date: '2030-01-01' }));
  console.log(
    `| ${name} (${table.length} rows): CSV / JSON / XLSX | ${csvMs.toFixed(0)} / ${jsonMs.toFixed(0)} / ${xlsxMs.toFixed(0)} ms | ${mb(Buffer.byteLength(csv))} / ${mb(Buffer.byteLength(json))} / ${mb(xlsx.byteLength)} |`,
  );
}
const [, sliceMs] = await time(() => {
  const units = new Map<string, object[]>();
  const sessions = new Map<string, object[]>();
  for (const r of rows.replies) {
    units.set(r.unit, [...(units.get(r.unit) ?? []), r]);
    sessions.set(r.session, [...(sessions.get(r.session) ?? []), r]);
  }
  for (const list of [...units.values(), ...sessions.values()]) toCsv(list, replyFields, { bom: true });
});
console.log(`| per-unit and per-session CSVs | ${sliceMs.toFixed(0)} ms | |`);
