/**
 * The proposal ledger (台账): a table with one row per proposal, read from
 * .xlsx (exceljs) or .csv (d3-dsv; UTF-8, UTF-8 with BOM or GB18030 decoded
 * with iconv-lite). Its columns are found by their Chinese headers, wherever
 * the header row is (a title row often sits above it).
 */
import { csvParseRows } from 'd3-dsv';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { halfWidthAscii, sessionFromText, squeeze, trimAll } from './text.ts';

/** A cell's text, and a note when the cell was a formula (never evaluated: its cached value is read). */
export interface Rows {
  rows: string[][];
  notes: string[];
}

/** Text file bytes as a string, and the encoding found. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8（带 BOM）' };
  try {
    // Valid UTF-8 is decisive: Chinese text in GB18030 is practically never valid UTF-8, so no
    // statistical detector is needed to tell the design's two encodings apart.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'gb18030'), encoding: 'GB18030' };
  }
}

export function csvRows(bytes: Uint8Array): Rows {
  return { rows: csvParseRows(decodeText(bytes).text), notes: [] };
}

type CellValue = ExcelJS.CellValue;

function cellText(value: CellValue, where: string, notes: string[]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    notes.push(`${where} 是公式，未计算，按其保存的显示值读取`);
    if (result && typeof result === 'object' && 'error' in result) return '';
    return cellText(result ?? null, where, []);
  }
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('error' in value) return '';
  return '';
}

/** The first worksheet with content, as rows of text. Throws when the bytes are not an .xlsx workbook. */
export async function xlsxRows(bytes: Uint8Array): Promise<Rows> {
  // Loaded on first use: exceljs is large, and a run of Word replies never needs it.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = book.worksheets.find((s) => s.actualRowCount > 0);
  const notes: string[] = [];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cellText(cell.value, `第 ${n} 行第 ${c} 列`, notes);
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return { rows: Array.from(rows, (r) => r ?? []), notes };
}

export type Column =
  'number' | 'title' | 'proposers' | 'lead' | 'co' | 'split' | 'supervisor' | 'key' | 'topics' | 'kind';

/** Header names of each column, compared without spaces and parenthesised notes. */
const HEADERS: Record<Column, string[]> = {
  number: ['提案号', '提案编号', '编号'],
  title: ['案由', '标题', '提案标题', '提案题目', '题目'],
  proposers: ['提案人', '提案者', '领衔提案人'],
  lead: ['主办单位', '主办'],
  co: ['协办单位', '会办单位', '协办', '会办'],
  split: ['分办单位', '分办'],
  supervisor: ['督办领导', '领衔督办', '领衔督办领导', '督办'],
  key: ['重点提案', '是否重点提案', '是否重点'],
  topics: ['主题', '提案主题'],
  kind: ['提案类型', '类型'],
};

function header(cell: string): string {
  return squeeze(cell).replace(/[（(].*?[）)]/g, '');
}

export interface LedgerRow {
  /** Row number in the sheet, from 1. */
  line: number;
  cells: Partial<Record<Column, string>>;
}

export interface Ledger {
  /** The session named in a title row above the header (市政协七届一次会议…台账), as `7-1`. */
  session?: string;
  /** The columns found, by name. */
  columns: Column[];
  rows: LedgerRow[];
}

/** Find the header row (in the first 10 rows) and read every row below it; undefined when there is none. */
export function readLedger(rows: string[][]): Ledger | undefined {
  const at = rows
    .slice(0, 10)
    .findIndex(
      (r) => r.some((c) => HEADERS.number.includes(header(c))) && r.some((c) => HEADERS.title.includes(header(c))),
    );
  if (at < 0) return undefined;
  const index = new Map<Column, number>();
  rows[at].forEach((c, i) => {
    for (const [col, names] of Object.entries(HEADERS) as [Column, string[]][])
      if (names.includes(header(c)) && !index.has(col)) index.set(col, i);
  });
  const session = rows
    .slice(0, at)
    .map((r) => sessionFromText(r.join(' ')))
    .find(Boolean);
  const out: LedgerRow[] = [];
  rows.slice(at + 1).forEach((r, i) => {
    if (r.every((c) => trimAll(c ?? '') === '')) return;
    const cells: Partial<Record<Column, string>> = {};
    for (const [col, c] of index) cells[col] = trimAll(r[c] ?? '');
    out.push({ line: at + i + 2, cells });
  });
  return { session, columns: [...index.keys()], rows: out };
}

/** Several names in one cell: split on 、，,；; and line breaks; a trailing 等 (and others) noted. */
export function splitNames(cell: string): { names: string[]; andOthers: boolean } {
  let andOthers = false;
  const names = cell
    .split(/[、，,；;\n\r]+/)
    .map((n) => trimAll(n))
    .map((n) => {
      const m = /^(.*?)等(?:\s*\d+\s*[人位名]|委员|同志)?$/.exec(n);
      if (m && m[1]) {
        andOthers = true;
        return trimAll(m[1]);
      }
      return n;
    })
    .map((n) => n.replace(/(?:委员|同志)$/, ''))
    .filter(Boolean);
  return { names, andOthers };
}

const LEADER_TITLE =
  /(?:常务副市长|副市长|市长|市委副书记|市委书记|副书记|书记|市政协副主席|市政协主席|副主席|主席|副秘书长|秘书长|副区长|区长|副县长|县长|副主任|主任)/;

/** 督办领导 `市长覃伟中` → `{ supervisorTitle: 市长, supervisor: 覃伟中 }`; also `覃伟中市长`, or a name alone. */
export function readSupervisor(cell: string): { supervisor?: string; supervisorTitle?: string } {
  const v = squeeze(cell);
  if (!v) return {};
  const before = new RegExp(`^(.*${LEADER_TITLE.source})([\\u4e00-\\u9fa5·]{2,4})$`).exec(v);
  if (before) return { supervisorTitle: before[1], supervisor: before[2] };
  const after = new RegExp(`^([\\u4e00-\\u9fa5·]{2,4}?)(${LEADER_TITLE.source})$`).exec(v);
  if (after) return { supervisor: after[1], supervisorTitle: after[2] };
  return { supervisor: v };
}

/** A proposal number as the ledger writes it: 第20210001号, ２０２１０００１ or 20210001. */
export function ledgerNumber(cell: string): string {
  return halfWidthAscii(squeeze(cell)).replace(/^第/, '').replace(/号$/, '');
}
