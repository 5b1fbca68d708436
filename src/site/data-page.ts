/**
 * `/data/`: the downloads with their sizes and row counts, and each table's
 * fields. Sizes and counts are read from the very files the endpoints serve.
 */
import { formatDateZh } from '../lib/dates.ts';
import { tableNames, tables, type TableDef, type TableName } from '../lib/open-data/index.ts';
import type { Corpus } from './corpus.ts';
import type { DataFile } from './open-data.ts';

/** `512 字节`, `1.5 KB`, `2.0 MB`. */
export const fileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} 字节`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const typeZh = { string: '文本', integer: '整数', date: '日期', boolean: '是/否（true/false）' } as const;
const formatLabel = { xlsx: '电子表格（XLSX）', csv: 'CSV', json: 'JSON' } as const;
const formats = ['xlsx', 'csv', 'json'] as const;

export function dataPage(data: Corpus, files: readonly DataFile[]) {
  const file = (table: TableName, format: string) => files.find((f) => f.table === table && f.format === format)!;
  const link = (f: DataFile) => ({ href: `/data/${f.path}`, path: f.path, size: fileSize(f.bytes) });
  return {
    // One string: Chinese text must not pick up the spaces that line breaks around expressions leave.
    intro: `本站收录的全部已公开答复和提案可以整体下载，便于记者、研究者用电子表格或程序分析。数据截至 ${formatDateZh(data.site.buildDate)}。下载文件和网页一样只包含获准公开的内容：不予公开的答复只出现在清单里，只有提案、单位、类别和理由，没有正文；暂未公开的答复不出现。`,
    siteTitle: data.site.title,
    demo: data.site.demo,
    tables: tableNames.map((name) => {
      const t: TableDef = tables[name];
      return {
        name,
        title: t.title,
        description: t.description,
        files: formats.map((format) => ({ label: formatLabel[format], ...link(file(name, format)) })),
        rows: file(name, 'csv').rows,
        keys: `主键 ${t.primaryKey.join('、')}${(t.foreignKeys ?? [])
          .map((k) => `；${k.fields} 对应 ${k.reference.resource} 表的 ${k.reference.fields}`)
          .join('')}`,
        fields: t.fields.map((f) => ({
          name: f.name,
          title: f.title,
          type: typeZh[f.type],
          description: f.description,
          values: 'enum' in f && f.enum ? `（取值：${f.enum.join(' | ')}）` : '',
        })),
      };
    }),
    /** The data package and the content schemas. */
    other: files.filter((f) => !f.table && !f.path.includes('/')).map(link),
  };
}
