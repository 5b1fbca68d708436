/** A reply (Word, text or Markdown) → its record, and its proposal's when there is none yet. */
import { parseDocument } from 'yaml';
import { proposalNumberPattern, type Role } from '../model/schemas/index.ts';
import type { Block } from './blocks.ts';
import { splitNames } from './ledger.ts';
import { bodyMarkdown, recordText, type Gap } from './records.ts';
import { matchProposer, matchUnit, unknownName } from './registry.ts';
import { readReplyBlocks } from './reply.ts';
import { existingUnits, fail, gapHint, plannedWrite, selfCheck, sessionOf } from './plan.ts';
import type { ImportOptions, Outcome, Write } from './plan.ts';

/** The kinds of personal data the reader removes, as the report names them. */
const KIND_ZH: Record<string, string> = {
  mobile: '手机号码',
  id: '身份证号码',
  email: '电子邮箱',
  contact: '联系人姓名',
};

/** A proposer named in a salutation (刘丹宁委员：, 马青、周丽等委员：, 尊敬的…：). */
function salutationNames(salutation: string): { names: string[]; andOthers: boolean } {
  return splitNames(salutation.replace(/^尊敬的/, '').replace(/(?:委员|同志|代表|先生|女士)(?:们)?$/, ''));
}

export function planReply(blocks: Block[], notes: string[], opts: ImportOptions): Outcome {
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
  if (!proposalNumberPattern.test(number))
    return fail(`提案号“${number}”格式不对：只能有字母、数字和连字符，最多 20 个字符`);

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
  const units: { unit: string; role: Role }[] = [{ unit: unitId, role: face.coOpinion ? 'co' : 'lead' }];
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
  gaps.push({ field: 'kind', hint: gapHint.kind });
  gaps.push({ field: 'topics', hint: gapHint.topics });
  const data = {
    number,
    title: face.proposalTitle,
    proposers: proposers.length ? proposers : undefined,
    andOthers,
    units,
  };
  return { text: recordText(data, gaps, ''), gaps: gaps.map((g) => g.field), notes };
}
