/**
 * The Frictionless Data Package descriptor (`datapackage.json`) of the
 * downloads (https://specs.frictionlessdata.io/data-package/), strictly
 * valid: no empty arrays, every foreign key pointing to a resource in the
 * package, CSVs in plain UTF-8 (no BOM) as `encoding` says.
 */
import { rfc3339 } from '../dates.ts';
import { absoluteUrl } from '../urls.ts';
import { tables, type TableName } from './fields.ts';
import type { FieldDef, FieldType, ForeignKey, TableDef } from './table-schema.ts';

/** The licence of the compiled data. */
export const DATA_LICENSE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

/** One file of the downloads. */
export interface PackageFile {
  /** Which table it holds: gives its schema. */
  table: TableName;
  /** Its path relative to the package descriptor, e.g. `replies.csv`. */
  path: string;
  /** The resource name; defaults to the table's name (foreign keys refer to it). */
  name?: string;
  /** Defaults to the table's title. */
  title?: string;
  /** How many rows it holds. */
  rows: number;
  /** Its size in bytes (see `utf8Bytes`). */
  bytes?: number;
}

export interface DataPackageInput {
  files: PackageFile[];
  /** `YYYY-MM-DD`: stamps `created`. */
  buildDate: string;
  /** The site's absolute address. */
  siteUrl: string;
  /** The package title; defaults to 提案答复公开. */
  title?: string;
  description?: string;
}

export interface TableSchemaField {
  name: string;
  title: string;
  description: string;
  type: FieldType;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

export interface DataResource {
  name: string;
  path: string;
  title: string;
  description: string;
  profile: 'tabular-data-resource' | 'data-resource';
  format: 'csv' | 'json';
  mediatype: 'text/csv' | 'application/json';
  encoding: 'utf-8';
  bytes?: number;
  schema: {
    fields: TableSchemaField[];
    missingValues: string[];
    primaryKey: string[];
    foreignKeys?: ForeignKey[];
  };
}

export interface DataPackage {
  profile: 'tabular-data-package' | 'data-package';
  name: 'open-replies';
  title: string;
  description: string;
  homepage: string;
  created: string;
  licenses: { name: string; path: string; title: string }[];
  keywords: string[];
  resources: DataResource[];
}

/** A table's fields as Frictionless Table Schema fields (booleans written `true`/`false`, the default). */
export function schemaFields(fields: readonly FieldDef[]): TableSchemaField[] {
  return fields.map((f) => {
    const constraints = {
      ...(f.required && { required: true }),
      ...(f.unique && { unique: true }),
      ...(f.enum && { enum: [...f.enum] }),
    };
    return {
      name: f.name,
      title: f.title,
      description: f.description,
      type: f.type,
      ...(f.format && { format: f.format }),
      ...(Object.keys(constraints).length > 0 && { constraints }),
    };
  });
}

/**
 * The descriptor. `created` is the build date as an RFC 3339 instant
 * (midnight in Beijing), as the specification asks for a date-time. Foreign
 * keys to a table whose file is not in the package are left out, and a
 * schema with none has no `foreignKeys` at all.
 */
export function dataPackage(input: DataPackageInput): DataPackage {
  const resourceName = (f: PackageFile) => f.name ?? f.table;
  const names = input.files.map(resourceName);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new Error(`数据包中的资源名重复："${dup}"`);
  const present = new Set(names);
  const resources: DataResource[] = input.files.map((f) => {
    const t: TableDef = tables[f.table];
    const csv = f.path.endsWith('.csv');
    if (!csv && !f.path.endsWith('.json')) throw new Error(`数据文件应为 .csv 或 .json：${f.path}`);
    const keys = (t.foreignKeys ?? []).filter((k) => present.has(k.reference.resource));
    return {
      name: resourceName(f),
      path: f.path,
      title: f.title ?? t.title,
      description: `${t.description}（${f.rows} 行）`,
      profile: csv ? 'tabular-data-resource' : 'data-resource',
      format: csv ? 'csv' : 'json',
      mediatype: csv ? 'text/csv' : 'application/json',
      encoding: 'utf-8',
      ...(f.bytes !== undefined && { bytes: f.bytes }),
      schema: {
        fields: schemaFields(t.fields),
        missingValues: [''],
        primaryKey: [...t.primaryKey],
        ...(keys.length > 0 && { foreignKeys: keys }),
      },
    };
  });
  return {
    profile: resources.every((r) => r.profile === 'tabular-data-resource') ? 'tabular-data-package' : 'data-package',
    name: 'open-replies',
    title: input.title ?? '提案答复公开',
    description:
      input.description ??
      '已公开的政协提案答复、提案、答复单位和不予公开清单。未公开或未到公开日期的答复不在其中；不予公开的答复只列元数据，不含正文。汇编数据按 CC BY 4.0 提供；答复正文是答复单位制发的公文，见网站“数据来源与许可”。',
    homepage: absoluteUrl(input.siteUrl, '/data/'),
    created: rfc3339(input.buildDate),
    licenses: [{ ...DATA_LICENSE }],
    keywords: ['政协提案', '提案办理', '答复', '政府信息公开'],
    resources,
  };
}
