/**
 * Word replies and Excel ledgers made in the tests (npm `docx`, exceljs), so
 * every case is readable here: the layouts the importer must read.
 */
import {
  AlignmentType,
  Document,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';

export interface ReplyShape {
  /** Where the category mark is: alone at the top (A类), in brackets (【A】), in a 分类标识 line, or nowhere. */
  category?: 'top' | 'bracket' | 'line' | 'none';
  /** The 文号's brackets. */
  docNo?: '〔〕' | '【】' | '[]';
  /** The 落款 date in Arabic or Chinese numerals, or no 落款 at all. */
  signature?: 'arabic' | 'chinese' | 'none';
  number?: string;
  unitName?: string;
  /** A table in the body, with this many data rows. */
  tableRows?: number;
  /** A contact line with a mobile number after the 落款. */
  contact?: boolean;
  /** A co-handling opinion addressed to the lead unit. */
  co?: boolean;
  image?: boolean;
  /** Extra body paragraphs. */
  paragraphs?: string[];
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const p = (text: string, opts: { center?: boolean; right?: boolean; bold?: boolean } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : undefined,
    children: [new TextRun({ text, bold: opts.bold })],
  });

export async function replyDocx(shape: ReplyShape = {}): Promise<Buffer> {
  const s = {
    category: 'top',
    docNo: '〔〕',
    signature: 'arabic',
    number: '20210001',
    unitName: '深圳市发展和改革委员会',
    ...shape,
  };
  const [open, close] = [...s.docNo];
  const children: (Paragraph | Table)[] = [p('深圳市发展和改革委员会文件', { center: true })];
  if (s.category === 'top') children.push(p('A类'));
  if (s.category === 'bracket') children.push(p('【B】'));
  children.push(p(`深发改函${open}2021${close}123号　　　　签发人：张三`));
  if (s.category === 'line') children.push(p('分类标识：【C】'));
  children.push(p('是否同意公开：同意'));
  children.push(
    p(`关于市政协七届一次会议第${s.number}号提案${s.co ? '协办意见的函' : '答复的函'}`, { center: true, bold: true }),
  );
  if (s.co) {
    children.push(p('市发展改革委：'));
    children.push(p('　　现将《关于打造我市优势产业链的提案》的协办意见送上，供你们答复委员时参考。'));
  } else {
    children.push(p('刘丹宁委员：'));
    children.push(p('　　您提出的《关于打造我市优势产业链，保障重点产业链安全的提案》收悉。现答复如下：'));
  }
  children.push(
    new Paragraph({
      numbering: { reference: 'steps', level: 0 },
      children: [new TextRun('梳理重点产业链的薄弱环节。')],
    }),
    new Paragraph({ numbering: { reference: 'steps', level: 0 }, children: [new TextRun('建立链长制。')] }),
    new Paragraph({
      bullet: { level: 0 },
      children: [new TextRun('引用《关于印发<深圳市产业链方案>的通知》{第3条}。')],
    }),
  );
  for (const text of s.paragraphs ?? []) children.push(p(text));
  if (s.tableRows) {
    const row = (cells: string[]) =>
      new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });
    children.push(
      new Table({
        rows: [
          row(['指标', '2020年', '2021年']),
          ...Array.from({ length: s.tableRows }, (_, i) => row([`指标${i + 1}`, String(i * 10), String(i * 11)])),
        ],
      }),
    );
  }
  if (s.image)
    children.push(
      new Paragraph({
        children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 10, height: 10 } })],
      }),
    );
  children.push(p('　　感谢您对我市发展改革工作的关心和支持。咨询电话：0755-88123456，12345。'));
  if (s.signature !== 'none') {
    children.push(p(s.unitName, { right: true }));
    children.push(p(s.signature === 'chinese' ? '二〇二一年六月三十日' : '2021年6月30日', { right: true }));
  }
  if (s.contact) children.push(p('（联系人：王小明，联系电话：13812345678）'));
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/** An .xlsx workbook from rows (the first sheet); a cell may be an exceljs value (a formula). */
export async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
