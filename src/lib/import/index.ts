/**
 * `npm run import`, without the file system: one input file's bytes in, the
 * records to write and the report's lines out. The CLI (scripts/import.ts)
 * reads the files, writes what this plans, and prints the report.
 */
import { docxBlocks, NotADocument, textBlocks, markdownBlocks } from './blocks.ts';
import { csvRows, decodeText, xlsxRows, type Rows } from './ledger.ts';
import { planLedger } from './plan-ledger.ts';
import { planReply } from './plan-reply.ts';
import { fail, type ImportOptions, type Outcome } from './plan.ts';

export type { ImportOptions, Outcome, Write } from './plan.ts';
export type { Registries } from './registry.ts';

/** Plan the import of one input file. Never throws on bad input: every failure is an outcome. */
export async function planImport(name: string, bytes: Uint8Array, opts: ImportOptions): Promise<Outcome> {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (bytes.byteLength === 0) return fail('文件是空的（0 字节），没有可导入的内容');
  try {
    switch (ext) {
      case 'docx': {
        let read;
        try {
          read = await docxBlocks(bytes);
        } catch (e) {
          if (e instanceof NotADocument)
            return fail('不是有效的 Word 文档（.docx）：文件无法按 Word 格式打开，可能已损坏或只是改了扩展名');
          throw e;
        }
        return planReply(read.blocks, read.notes, opts);
      }
      case 'txt':
        return planReply(textBlocks(decodeText(bytes).text), [], opts);
      case 'md':
        return planReply(markdownBlocks(decodeText(bytes).text), [], opts);
      case 'xlsx': {
        let rows: Rows;
        try {
          rows = await xlsxRows(bytes);
        } catch {
          return fail('不是有效的 Excel 工作簿（.xlsx）：文件无法按 Excel 格式打开，可能已损坏或只是改了扩展名');
        }
        return planLedger(rows, opts);
      }
      case 'csv':
        return planLedger(csvRows(bytes), opts);
      case 'doc':
      case 'wps':
        return fail(`不支持旧版 Word 格式 .${ext}：请在 Word 或 WPS 中“另存为” .docx 后再导入`);
      case 'xls':
      case 'et':
        return fail(`不支持旧版 Excel 格式 .${ext}：请“另存为” .xlsx 或 .csv 后再导入`);
      default:
        return fail(
          `不支持的文件类型${ext ? ` .${ext}` : ''}：答复只能是 .docx、.txt 或 .md，提案台账只能是 .xlsx 或 .csv`,
        );
    }
  } catch (e) {
    // A reader that breaks on a hostile file must not stop the other inputs nor leave half a record.
    return fail(`无法读取：${(e as Error).message}`);
  }
}
