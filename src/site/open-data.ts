/**
 * The open-data files of /data/, built once per build from the published
 * corpus (the disclosure gate's output) with src/lib/open-data/: the same
 * contents serve the download endpoints and the sizes and row counts the
 * /data/ page states.
 */
import {
  dataPackage,
  proposalRows,
  replyFields,
  replyRows,
  tableNames,
  tables,
  toCsv,
  toJson,
  toXlsx,
  unitRows,
  utf8Bytes,
  withheldRows,
  type ReplyDataRow as ReplyRow,
  type TableName,
} from '../lib/open-data/index.ts';
import { contentJsonSchemas, contentSchemaPath } from '../lib/model/json-schema.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';
import { commitmentExportRows } from '../lib/open-data/commitments.ts';
import { proposerExportRows } from '../lib/open-data/proposers.ts';

export interface DataFile {
  /** Path below `/data/`. */
  path: string;
  table?: TableName;
  format: 'csv' | 'json' | 'xlsx';
  rows?: number;
  content: string | Uint8Array;
  bytes: number;
}

/** `/data/units/<id>.csv` and `/data/sessions/<id>.csv`: one unit's or one session's published replies. */
export const unitCsvPath = (unit: string) => `/data/units/${unit}.csv`;
export const sessionCsvPath = (session: string) => `/data/sessions/${session}.csv`;

export async function buildOpenData(data: Corpus, a: Accountability) {
  const { siteUrl, proposals } = data;
  const html = (id: string) => (data.replyEntries.get(id) ?? data.proposalEntries.get(id))?.rendered?.html;
  const lookups = {
    siteUrl,
    proposals,
    units: data.units,
    sessions: data.sessions,
    proposers: data.proposers,
    topics: data.topics,
    html,
  };
  const rows = {
    replies: replyRows(data.replies, lookups),
    proposals: proposalRows([...proposals.values()], { ...lookups, replies: data.replies }),
    units: unitRows([...data.units.values()], data.replies, siteUrl),
    withheld: withheldRows(data.replies, lookups),
    proposers: proposerExportRows(a.proposers, siteUrl),
    commitments: commitmentExportRows(a.commitments, siteUrl),
  } satisfies Record<TableName, object[]>;
  const files: DataFile[] = [];
  const add = (
    path: string,
    format: DataFile['format'],
    content: string | Uint8Array,
    table?: TableName,
    count?: number,
  ) =>
    files.push({
      path,
      format,
      content,
      bytes: typeof content === 'string' ? utf8Bytes(content) : content.byteLength,
      ...(table && { table, rows: count }),
    });
  for (const name of tableNames) {
    const fields = tables[name].fields;
    const table: readonly object[] = rows[name];
    add(`${name}.csv`, 'csv', toCsv(table, fields), name, table.length);
    add(`${name}.json`, 'json', toJson(table, { columns: fields, pretty: true }), name, table.length);
    add(
      `${name}.xlsx`,
      'xlsx',
      await toXlsx(table, fields, { sheet: tables[name].title, date: data.site.buildDate }),
      name,
      table.length,
    );
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
  // One unit's or one session's replies, for the CSV link on its page: the replies table's columns, with a
  // BOM (these are opened in Excel from a page; the package's tables have none, as their descriptor says).
  const slices = new Map<string, ReplyRow[]>();
  for (const r of rows.replies) {
    for (const path of [unitCsvPath(r.unit), sessionCsvPath(r.session)]) {
      if (!slices.has(path)) slices.set(path, []);
      slices.get(path)!.push(r);
    }
  }
  for (const id of data.units.keys()) if (!slices.has(unitCsvPath(id))) slices.set(unitCsvPath(id), []);
  for (const id of data.sessions.keys()) if (!slices.has(sessionCsvPath(id))) slices.set(sessionCsvPath(id), []);
  for (const [path, list] of [...slices].sort(([a], [b]) => (a < b ? -1 : 1))) {
    add(path.replace(/^\/data\//, ''), 'csv', toCsv(list, replyFields, { bom: true }));
  }
  return { files, byPath: new Map(files.map((f) => [f.path, f])) };
}
