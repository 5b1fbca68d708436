/** The open-data downloads: field lists, rows, CSV/JSON/XLSX writers and the data package. */
export * from './fields.ts';
export * from './package.ts';
export * from './rows.ts';
export * from './table-schema.ts';
export * from './writers.ts';
