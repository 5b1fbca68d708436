/**
 * `npm run import`, without the file system: one input file's bytes in, the
 * records to write and the report's lines out. The CLI (scripts/import.ts)
 * reads the files, writes what this plans, and prints the report.
 */
import { parseBody } from '../model/dialect/index.ts';
import { findPersonalData } from '../model/privacy.ts';
import { proposalSchema, replySchema } from '../model/schemas/index.ts';
import { splitFrontmatter } from '../model/corpus/index.ts';
import { parseDocument, parse as parseYaml } from 'yaml';
import { docxBlocks, markdownBlocks, NotADocument, textBlocks, type Block } from './blocks.ts';
import {
  csvRows,
  decodeText,
  ledgerNumber,
  readLedger,
  readSupervisor,
  splitNames,
  xlsxRows,
  type Rows,
} from './ledger.ts';
import { bodyMarkdown, recordText, type Gap } from './records.ts';
import { matchProposer, matchTopic, matchUnit, unknownName, type Registries } from './registry.ts';
import { readReplyBlocks } from './reply.ts';
import { squeeze } from './text.ts';

export type { Registries } from './registry.ts';

export interface ImportOptions {
  registries: Registries;
  /** --session, --unit, --number */
  session?: string;
  unit?: string;
  number?: string;
  /** --force: overwrite an existing record. */
  force?: boolean;
  /** The text of a file of the content root (path relative to it), or undefined when there is none. */
  read: (path: string) => string | undefined;
  /** True for a file this run has written (a proposal made from another reply may still take this unit). */
  writtenThisRun?: (path: string) => boolean;
}

export interface Write {
  /** Relative to the content root. */
  path: string;
  text: string;
  /** A file is there already (written only with --force). */
  replaces: boolean;
}

export interface Outcome {
  /** Every step succeeded; false makes the command exit 1. */
  ok: boolean;
  /** The report's line for this input (without the file name). */
  summary: string;
  /** Further lines: what to fill, what was changed, what could not be read. */
  details: string[];
  writes: Write[];
}

const NUMBER_FORMAT = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,18}[0-9A-Za-z])?$/;
const ROLE_ZH = { lead: '主办', co: '协办', split: '分办' } as const;
const KIND_ZH: Record<string, string> = {
  mobile: '手机号码',
  id: '身份证号码',
  email: '电子邮箱',
  contact: '联系人姓名',
};

const fail = (summary: string, details: string[] = []): Outcome => ({ ok: false, summary, details, writes: [] });

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

/** The proposal's session and number, from the options or the document; an error message otherwise. */
function sessionOf(opts: ImportOptions, found: string | undefined, where: string): string | { error: string } {
  const session = opts.session ?? found;
  if (!session) return { error: `无法确定会议：${where}没有“X届X次会议”，请用 --session 指定（例如 --session 7-1）` };
  if (!opts.registries.sessions.includes(session))
    return { error: `会议 ${session} 不存在：内容目录中没有 sessions/${session}.yaml，请先建立它或用 --session 指定` };
  return session;
}

function existingUnits(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const fm = splitFrontmatter(text.replace(/\r\n?/g, '\n'));
    const data = fm ? (parseYaml(fm.yaml) as { units?: { unit?: string }[] }) : undefined;
    return (data?.units ?? []).map((u) => String(u?.unit));
  } catch {
    return [];
  }
}

/** Check a record before it is written: the importer must never write what its own checks reject. */
function selfCheck(path: string, text: string, kind: 'reply' | 'proposal'): string | undefined {
  const fm = splitFrontmatter(text)!;
  const data = parseYaml(fm.yaml) ?? {};
  const schema = kind === 'reply' ? replySchema : proposalSchema.partial();
  const parsed = schema.safeParse(data);
  if (!parsed.success) return `内部检查未通过（${path}）：${parsed.error.issues[0]?.message}`;
  const body = parseBody(path, fm.body, fm.bodyLine);
  if (body.problems.length) return `内部检查未通过（${path}）：${body.problems[0].message}`;
  if (findPersonalData(fm.body).length) return `内部检查未通过（${path}）：正文仍有个人信息`;
  return undefined;
}

function plannedWrite(path: string, text: string, opts: ImportOptions): Write {
  return { path, text, replaces: opts.read(path) !== undefined };
}

/** A proposer named in a salutation (刘丹宁委员：, 马青、周丽等委员：, 尊敬的…：). */
function salutationNames(salutation: string): { names: string[]; andOthers: boolean } {
  return splitNames(salutation.replace(/^尊敬的/, '').replace(/(?:委员|同志|代表|先生|女士)(?:们)?$/, ''));
}

function planReply(blocks: Block[], notes: string[], opts: ImportOptions): Outcome {
  const reg = opts.registries;
  if (!blocks.some((b) => b.text !== '')) return fail('文档中没有文字，没有可导入的内容');
  const read = readReplyBlocks(blocks);
  const face = read.face;
  if (!face.title && !face.number && !read.signature && !opts.number)
    return fail('看起来不是一份答复：找不到标题、“第N号提案”或文末落款；如果确实是答复，请用 --number 指定提案号');

  const session = sessionOf(opts, face.session, '标题和开头');
  if (typeof session !== 'string') return fail(session.error);
  const number = opts.number ?? face.number;
  if (!number) return fail('无法确定提案号：标题和开头没有“第N号”，请用 --number 指定');
  if (!NUMBER_FORMAT.test(number)) return fail(`提案号“${number}”格式不对：只能有字母、数字和连字符，最多 20 个字符`);

  const details: string[] = [];
  let unitId: string;
  if (opts.unit) {
    if (!reg.units.some((u) => u.id === opts.unit)) return fail(`--unit ${opts.unit} 不在 units.yaml 中`);
    unitId = opts.unit;
    if (face.signatureUnit) {
      const m = matchUnit(reg, face.signatureUnit);
      if (m.found?.id !== unitId) details.push(`落款单位为“${face.signatureUnit}”，按 --unit 写为 ${unitId}`);
    }
  } else if (face.signatureUnit) {
    const m = matchUnit(reg, face.signatureUnit);
    if (!m.found)
      return fail(
        `落款单位${unknownName(m, 'units.yaml')}：请在 units.yaml 中补上（name 或 fullName），或用 --unit 指定`,
      );
    unitId = m.found.id;
  } else {
    return fail(
      read.signature
        ? '落款只有日期，没有单位名称，无法确定答复单位：请用 --unit 指定'
        : '文末没有落款（单位名称和日期），无法确定答复单位：请用 --unit 指定',
    );
  }

  const dir = `proposals/${session}/${number}`;
  const path = `${dir}/${unitId}.mdx`;
  if (opts.read(path) !== undefined && !opts.force) return fail(`${path} 已存在，未覆盖（确认要覆盖请加 --force）`);

  const gaps: Gap[] = [];
  if (!face.category && !face.coOpinion)
    gaps.push({
      field: 'category',
      hint: 'A、B、C 或 D（主办、分办单位的答复在公开前必须填写；文中没有找到分类标识）',
    });
  if (!face.repliedOn)
    gaps.push({ field: 'repliedOn', hint: '答复日期，例如 2021-06-30（公开前必须填写；没有找到落款日期）' });
  const data = {
    title: face.title,
    docNo: face.docNo,
    category: face.category,
    repliedOn: face.repliedOn,
    signedBy: face.signedBy,
    disclosure: 'pending',
  };
  const text = recordText(data, gaps, bodyMarkdown(read.body));
  const broken = selfCheck(path, text, 'reply');
  if (broken) return fail(broken);
  const writes: Write[] = [plannedWrite(path, text, opts)];

  if (gaps.length) details.push(`待补：${gaps.map((g) => g.field).join('、')}（文件中已用“# 待填”注明）`);
  if (face.coOpinion) details.push('这是协办意见：category 可以不填');
  if (read.redacted.length) {
    const kinds = [...new Set(read.redacted.map((k) => KIND_ZH[k]))].join('、');
    details.push(`已删除个人信息 ${read.redacted.length} 处（${kinds}），改为 <Redacted reason="privacy" />：请核对`);
  }
  if (read.dropped.length)
    details.push(
      `标题前的 ${read.dropped.length} 行按版式处理，未计入正文：“${read.dropped.join('”“').slice(0, 120)}”`,
    );
  if (read.images) details.push(`图片或嵌入对象 ${read.images} 处未收录，正文中已在原位置注明：请对照原件处理`);
  details.push(...notes);

  // The proposal: checked when it exists, written from what the reply says when it does not.
  const indexPath = `${dir}/index.mdx`;
  const units = existingUnits(opts.read(indexPath));
  if (units) {
    if (units.includes(unitId)) {
      // Listed already.
    } else if (opts.writtenThisRun?.(indexPath)) {
      // A proposal this run made from another unit's reply: this unit joins its list.
      const doc = parseDocument(opts.read(indexPath)!.replace(/^---\n|---\n$/g, ''));
      doc.addIn(['units'], doc.createNode({ unit: unitId, role: face.coOpinion ? 'co' : 'lead' }));
      writes.push(plannedWrite(indexPath, `---\n${doc.toString({ lineWidth: 0 })}---\n`, opts));
      details.push(`${unitId} 已加入本次新建的 ${indexPath} 的 units`);
    } else details.push(`${indexPath} 的 units 中没有 ${unitId}：请补上，否则校验不通过`);
  } else {
    const proposal = proposalFromReply(number, unitId, face, opts);
    const broken = selfCheck(indexPath, proposal.text, 'proposal');
    if (broken) return fail(broken);
    writes.push(plannedWrite(indexPath, proposal.text, opts));
    details.push(`新建提案 ${indexPath}；待补：${proposal.gaps.join('、')}`, ...proposal.notes);
  }
  return { ok: true, summary: `→ ${path}（disclosure: pending）`, details, writes };
}

function proposalFromReply(
  number: string,
  unitId: string,
  face: ReturnType<typeof readReplyBlocks>['face'],
  opts: ImportOptions,
): { text: string; gaps: string[]; notes: string[] } {
  const reg = opts.registries;
  const gaps: Gap[] = [];
  const notes: string[] = [];
  const units: { unit: string; role: 'lead' | 'co' }[] = [{ unit: unitId, role: face.coOpinion ? 'co' : 'lead' }];
  let proposers: string[] = [];
  let andOthers: boolean | undefined;
  if (face.coOpinion && face.salutation) {
    // A co-handling opinion is addressed to the lead unit.
    const lead = matchUnit(reg, face.salutation);
    if (lead.found && lead.found.id !== unitId) units.unshift({ unit: lead.found.id, role: 'lead' });
    else gaps.push({ field: 'units', hint: `主办单位（协办意见的抬头是“${face.salutation}”）` });
  } else if (face.salutation) {
    const s = salutationNames(face.salutation);
    const matches = s.names.map((n) => matchProposer(reg, n));
    const unknown = matches.filter((m) => !m.found);
    if (matches.length && !unknown.length) {
      proposers = matches.map((m) => m.found!.id);
      if (s.andOthers) andOthers = true;
    } else if (unknown.length) notes.push(`提案人${unknown.map((m) => unknownName(m, 'proposers.yaml')).join('；')}`);
  }
  if (!proposers.length)
    gaps.push({ field: 'proposers', hint: 'proposers.yaml 中的提案人 id，例如 [member-liu-danning]' });
  if (!face.proposalTitle) gaps.push({ field: 'title', hint: '提案标题（答复中没有找到《…》）' });
  gaps.push({ field: 'kind', hint: 'plenary（大会提案）或 between-sessions（闭会期间提案）' });
  gaps.push({ field: 'topics', hint: 'topics.yaml 中的主题 id，例如 [industry]' });
  const data = {
    number,
    title: face.proposalTitle,
    proposers: proposers.length ? proposers : undefined,
    andOthers,
    units,
  };
  return { text: recordText(data, gaps, ''), gaps: gaps.map((g) => g.field), notes };
}

function planLedger(input: Rows, opts: ImportOptions): Outcome {
  const reg = opts.registries;
  const ledger = readLedger(input.rows);
  if (!ledger) return fail('看起来不是提案台账：前 10 行中找不到表头（至少需要“提案号”和“案由”或“标题”两列）');
  const session = sessionOf(opts, ledger.session, '台账的标题行');
  if (typeof session !== 'string') return fail(session.error);

  const details: string[] = [...input.notes];
  const writes: Write[] = [];
  const seen = new Map<string, number>();
  let failed = 0;
  let proposalsWritten = 0;
  let repliesWritten = 0;
  let existing = 0;
  const noTopics = !ledger.columns.includes('topics');
  const noKind = !ledger.columns.includes('kind');
  for (const row of ledger.rows) {
    const c = row.cells;
    const number = ledgerNumber(c.number ?? '');
    const problems: string[] = [];
    const where = `第 ${row.line} 行${number ? `（提案 ${number}）` : ''}`;
    if (!number) problems.push('缺少提案号');
    else if (!NUMBER_FORMAT.test(number))
      problems.push(`提案号“${number}”格式不对：只能有字母、数字和连字符，最多 20 个字符`);
    else if (seen.has(number)) problems.push(`提案号重复：第 ${seen.get(number)} 行已有`);
    if (number) seen.set(number, row.line);
    const title = squeeze(c.title ?? '') ? (c.title ?? '').replace(/\s*\n\s*/g, '') : undefined;
    if (!title) problems.push('缺少案由（标题）');

    const units: { unit: string; role: 'lead' | 'co' | 'split' }[] = [];
    for (const role of ['lead', 'split', 'co'] as const) {
      for (const n of splitNames(c[role] ?? '').names) {
        const m = matchUnit(reg, n);
        if (!m.found) problems.push(`${ROLE_ZH[role]}单位${unknownName(m, 'units.yaml')}`);
        else if (!units.some((u) => u.unit === m.found!.id)) units.push({ unit: m.found.id, role });
      }
    }
    if (!units.length && !problems.some((p) => p.includes('单位'))) problems.push('没有主办或分办单位');
    const named = splitNames(c.proposers ?? '');
    const proposers: string[] = [];
    for (const n of named.names) {
      const m = matchProposer(reg, n);
      if (!m.found) problems.push(`提案人${unknownName(m, 'proposers.yaml')}`);
      else proposers.push(m.found.id);
    }
    const topics: string[] = [];
    for (const n of splitNames(c.topics ?? '').names) {
      const m = matchTopic(reg, n);
      if (!m.found) problems.push(`主题${unknownName(m, 'topics.yaml')}`);
      else topics.push(m.found.id);
    }
    if (problems.length) {
      failed += 1;
      details.push(`${where}：${problems.join('；')}（本行未写入）`);
      continue;
    }
    const supervisor = readSupervisor(c.supervisor ?? '');
    const isKey = supervisor.supervisor !== undefined || /^(?:是|√|✓|Y|YES|重点)$/i.test(squeeze(c.key ?? ''));
    const kind = /闭会|会后|平时/.test(c.kind ?? '')
      ? 'between-sessions'
      : /大会|会议期间/.test(c.kind ?? '')
        ? 'plenary'
        : undefined;
    const gaps: Gap[] = [];
    if (!kind) gaps.push({ field: 'kind', hint: 'plenary（大会提案）或 between-sessions（闭会期间提案）' });
    if (!proposers.length) gaps.push({ field: 'proposers', hint: 'proposers.yaml 中的提案人 id' });
    if (!topics.length) gaps.push({ field: 'topics', hint: 'topics.yaml 中的主题 id，例如 [industry]' });
    const dir = `proposals/${session}/${number}`;
    const indexPath = `${dir}/index.mdx`;
    if (opts.read(indexPath) !== undefined && !opts.force) existing += 1;
    else {
      const data = {
        number,
        title,
        kind,
        proposers: proposers.length ? proposers : undefined,
        andOthers: named.andOthers || undefined,
        topics: topics.length ? topics : undefined,
        units,
        key: isKey ? supervisor : undefined,
      };
      const text = recordText(data, gaps, '');
      const broken = selfCheck(indexPath, text, 'proposal');
      if (broken) {
        failed += 1;
        details.push(`${where}：${broken}（本行未写入）`);
        continue;
      }
      writes.push(plannedWrite(indexPath, text, opts));
      proposalsWritten += 1;
    }
    // A pending reply for every unit that has none; an existing reply is never replaced by an empty one, even with --force.
    for (const u of units) {
      const path = `${dir}/${u.unit}.mdx`;
      if (opts.read(path) !== undefined) continue;
      writes.push(plannedWrite(path, recordText({ disclosure: 'pending' }, [], ''), opts));
      repliesWritten += 1;
    }
  }
  if (opts.unit || opts.number) details.unshift('台账不使用 --unit 和 --number（已忽略）');
  if (proposalsWritten && noKind) details.push('台账中没有“提案类型”列：新建提案的 kind 待补');
  if (proposalsWritten && noTopics)
    details.push('台账中没有“主题”列：新建提案的 topics 待补（文件中已用“# 待填”注明）');
  const parts = [`新建提案 ${proposalsWritten} 件`, `待公开答复 ${repliesWritten} 份`];
  if (existing) parts.push(`${existing} 件提案已存在，未覆盖`);
  if (failed) parts.push(`${failed} 行有问题未写入`);
  return { ok: failed === 0, summary: `台账 ${ledger.rows.length} 行 → ${parts.join('，')}`, details, writes };
}
