/**
 * The open-data files of /data/, built once per build from the published
 * corpus (the disclosure gate's output) with src/lib/exports.ts: the same
 * contents serve the download endpoints and the sizes and row counts the
 * /data/ page states.
 */
import {
  dataPackage,
  proposalRows,
  replyRows,
  tables,
  toCsv,
  toJson,
  unitRows,
  utf8Bytes,
  withheldRows,
  type TableName,
} from '../lib/exports.ts';
import { contentJsonSchemas, contentSchemaPath } from '../lib/json-schema.ts';
import { siteData } from './site-data.ts';
import { accountability } from './accountability.ts';
import { commitmentExportRows } from '../lib/open-data/commitments.ts';
import { proposerExportRows } from '../lib/open-data/proposers.ts';

export interface DataFile {
  /** Path below `/data/`. */
  path: string;
  table?: TableName;
  format: 'csv' | 'json';
  rows?: number;
  content: string;
  bytes: number;
}

async function build() {
  const data = await siteData();
  const a = await accountability();
  const siteUrl = import.meta.env.SITE.replace(/\/$/, '');
  const proposals = new Map([...data.proposalEntries].map(([id, e]) => [id, e.data]));
  const lookups = { siteUrl, proposals, units: data.units };
  const rows = {
    replies: replyRows(data.replies, lookups),
    proposals: proposalRows([...proposals.values()], {
      ...lookups,
      proposers: data.proposers,
      topics: data.topics,
      replies: data.replies,
    }),
    units: unitRows([...data.units.values()], data.replies, siteUrl),
    withheld: withheldRows(data.replies, lookups),
    proposers: proposerExportRows(a.proposers, siteUrl),
    commitments: commitmentExportRows(a.commitments, siteUrl),
  } satisfies Record<TableName, object[]>;
  const files: DataFile[] = [];
  const add = (path: string, format: DataFile['format'], content: string, table?: TableName, count?: number) =>
    files.push({ path, format, content, bytes: utf8Bytes(content), ...(table && { table, rows: count }) });
  for (const name of ['replies', 'proposals', 'units', 'withheld', 'proposers', 'commitments'] as TableName[]) {
    const fields = tables[name].fields;
    const table: readonly object[] = rows[name];
    add(`${name}.csv`, 'csv', toCsv(table, fields), name, table.length);
    add(`${name}.json`, 'json', toJson(table, { columns: fields, pretty: true }), name, table.length);
  }
  const pkg = dataPackage({
    files: files
      .filter((f) => f.format === 'csv')
      .map((f) => ({ table: f.table!, path: f.path, rows: f.rows!, bytes: f.bytes })),
    buildDate: data.site.buildDate,
    siteUrl,
  });
  add('datapackage.json', 'json', `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [name, schema] of Object.entries(contentJsonSchemas(siteUrl))) {
    add(contentSchemaPath(name as never).replace(/^\/data\//, ''), 'json', `${JSON.stringify(schema, null, 2)}\n`);
  }
  return { files, byPath: new Map(files.map((f) => [f.path, f])) };
}

let cached: ReturnType<typeof build> | undefined;

export function openData(): ReturnType<typeof build> {
  if (import.meta.env.DEV) return build();
  cached ??= build();
  return cached;
}
