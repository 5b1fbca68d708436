/**
 * The file formats of the downloads: CSV, JSON and XLSX, each written from
 * the same rows in the same column order.
 */
import { csvFormat, csvParse } from 'd3-dsv';
import ExcelJS from 'exceljs';
import type { FieldDef, Row } from './table-schema.ts';

/** The UTF-8 byte order mark: Excel needs it to read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

/** Byte length of a text in UTF-8 (what the package's `bytes` counts). */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

type Columns = readonly (string | { name: string })[];
const names = (columns: Columns) => columns.map((c) => (typeof c === 'string' ? c : c.name));

/**
 * A CSV file: header, one line per row, the columns in the given order, a
 * final newline. Quoting by d3-dsv; empty cells for `null`; booleans as
 * `true`/`false`. Without a BOM (as the data package's `utf-8` says) unless
 * `bom` is set: the per-unit and per-session files are for opening in Excel.
 */
export function toCsv<R extends object>(rows: readonly R[], columns: Columns, options: { bom?: boolean } = {}): string {
  return `${options.bom ? BOM : ''}${csvFormat(rows as readonly Record<string, unknown>[], names(columns))}\n`;
}

/**
 * A CSV file read back into rows typed by its fields: integers become numbers,
 * booleans booleans, empty cells `null`. The inverse of `toCsv` (for checks and scripts).
 */
export function parseCsv(text: string, fields: readonly FieldDef[]): Row[] {
  const parsed = csvParse(text.startsWith(BOM) ? text.slice(BOM.length) : text);
  const expected = fields.map((f) => f.name);
  if (parsed.columns.join(',') !== expected.join(',')) {
    throw new Error(`CSV 的列（${parsed.columns.join(',')}）与字段定义（${expected.join(',')}）不一致`);
  }
  return parsed.map((raw) => {
    const row: Row = {};
    for (const f of fields) {
      const v = raw[f.name] ?? '';
      row[f.name] = v === '' ? null : f.type === 'integer' ? Number(v) : f.type === 'boolean' ? v === 'true' : v;
    }
    return row;
  });
}

/**
 * A JSON file: an array of rows, each row's keys in the columns' order when
 * given (else as built). Pretty: two-space indent. Always ends with a newline.
 */
export function toJson<R extends object>(
  rows: readonly R[],
  options: { columns?: Columns; pretty?: boolean } = {},
): string {
  const cols = options.columns ? names(options.columns) : undefined;
  const ordered = cols ? rows.map((r) => Object.fromEntries(cols.map((c) => [c, (r as Row)[c] ?? null]))) : rows;
  return `${JSON.stringify(ordered, null, options.pretty ? 2 : undefined)}\n`;
}

/** Excel keeps at most this many characters in a cell. */
export const XLSX_CELL_LIMIT = 32767;

export interface XlsxOptions {
  /** The sheet's name (at most 31 characters). */
  sheet: string;
  /** `YYYY-MM-DD`: the document's created/modified dates and every zip entry's time, so two builds are identical. */
  date: string;
  /** Said in the cell when a text is cut to Excel's limit. */
  cutNote?: string;
}

/**
 * An Excel workbook of one table (exceljs): a header row of the Chinese
 * column titles, then one row per row. Every value is written as a plain
 * value of its type — a string is a string cell, never a formula, whatever it
 * starts with (`=`, `+`, `-`, `@`) — dates as text `YYYY-MM-DD` (as in the
 * CSV, so no time zone shifts them). Byte-identical for the same input: the
 * document dates are `date`, and every zip entry is stamped `date` 00:00
 * (see `stampZipEntries`).
 */
export async function toXlsx(
  rows: readonly object[],
  fields: readonly FieldDef[],
  options: XlsxOptions,
): Promise<Uint8Array> {
  const [y, m, d] = options.date.split('-').map(Number);
  const when = new Date(Date.UTC(y, m - 1, d));
  const wb = new ExcelJS.Workbook();
  wb.creator = '提案答复公开';
  wb.lastModifiedBy = '提案答复公开';
  wb.created = when;
  wb.modified = when;
  const ws = wb.addWorksheet(options.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = fields.map((f) => ({
    header: f.title,
    key: f.name,
    width: f.name.startsWith('text') ? 60 : Math.min(40, Math.max(10, f.title.length * 2 + 2)),
  }));
  ws.getRow(1).font = { bold: true };
  const cut = options.cutNote ?? '…（全文见 CSV 或 JSON 文件）';
  for (const r of rows) {
    const values: Record<string, string | number | boolean | null> = {};
    for (const f of fields) {
      let v = (r as Row)[f.name] ?? null;
      if (typeof v === 'string' && v.length > XLSX_CELL_LIMIT) v = v.slice(0, XLSX_CELL_LIMIT - cut.length) + cut;
      values[f.name] = v;
    }
    ws.addRow(values);
  }
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  return stampZipEntries(written, y, m, d);
}

/**
 * Sets the modification time of every entry of a zip file to 00:00 on the
 * given day, in place, and returns it. exceljs's zip writer (JSZip) stamps
 * the current time and takes no option for it; unpacking and packing again
 * with JSZip doubled the time of a 10,000-row workbook, so the two DOS
 * date/time fields of each local header and central-directory record are
 * rewritten here instead (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16).
 */
export function stampZipEntries(zip: Uint8Array, year: number, month: number, day: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('XLSX 文件不是有效的 zip：找不到中央目录');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('XLSX 文件的中央目录已损坏');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('XLSX 文件的本地文件头已损坏');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}
