/**
 * The shapes of the open-data tables: a column (a Frictionless Table Schema
 * field), a table, the row type a table's fields give, and the label column
 * written beside a code column.
 */

/** Multi-valued cells (proposers, topics, units) are joined with a full-width semicolon. */
export const LIST_SEPARATOR = '；';

export type FieldType = 'string' | 'integer' | 'date' | 'boolean';

/** One column of a table; also a Frictionless Table Schema field. */
export interface FieldDef {
  name: string;
  type: FieldType;
  /** Chinese column title. */
  title: string;
  /** Chinese description: what the column holds and when it is empty. */
  description: string;
  /** `uri` for addresses. */
  format?: 'uri';
  /** Never empty. Optional fields are empty in CSV and `null` in JSON. */
  required?: boolean;
  unique?: boolean;
  enum?: readonly string[];
}

type CellOf<F extends FieldDef> =
  | (F['type'] extends 'integer' ? number : F['type'] extends 'boolean' ? boolean : string)
  | (F extends { required: true } ? never : null);

/** A row type derived from field definitions: every field, nothing else. */
export type RowOf<Fs extends readonly FieldDef[]> = { [F in Fs[number] as F['name']]: CellOf<F> };

/** A row of any table. */
export type Row = Record<string, string | number | boolean | null>;

export interface ForeignKey {
  fields: string;
  reference: { resource: string; fields: string };
}

export interface TableDef {
  title: string;
  description: string;
  fields: readonly FieldDef[];
  primaryKey: string[];
  /** Absent when the table refers to no other (the specification allows no empty list). */
  foreignKeys?: ForeignKey[];
}

export const labelled = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k} ${v}`)
    .join('；');

/** The label column beside a code column: `category_label` beside `category`. */
export function label<N extends string>(name: N, title: string, of: string) {
  // Declared, so the object's `name` keeps its literal type (a bare template literal there widens to string).
  const labelName: `${N}_label` = `${name}_label`;
  return {
    name: labelName,
    type: 'string' as const,
    title,
    description: `${of}的中文名称，与 ${name} 一一对应；${name} 为空时为空`,
  };
}

/** The same for a code column that is never empty. */
export function requiredLabel<N extends string>(name: N, title: string, of: string) {
  return {
    ...label(name, title, of),
    description: `${of}的中文名称，与 ${name} 一一对应`,
    required: true as const,
  };
}
