/** A ledger of proposals (Excel or CSV) → a proposal per row and a pending reply per unit. */
import { roleZh } from '../labels.ts';
import { proposalNumberPattern, type ProposalKind, type Role } from '../model/schemas/index.ts';
import { ledgerNumber, readLedger, readSupervisor, splitNames, type Rows } from './ledger.ts';
import { recordText, type Gap } from './records.ts';
import { matchProposer, matchTopic, matchUnit, unknownName } from './registry.ts';
import { squeeze } from './text.ts';
import { fail, gapHint, plannedWrite, selfCheck, sessionOf } from './plan.ts';
import type { ImportOptions, Outcome, Write } from './plan.ts';

export function planLedger(input: Rows, opts: ImportOptions): Outcome {
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
    else if (!proposalNumberPattern.test(number))
      problems.push(`提案号“${number}”格式不对：只能有字母、数字和连字符，最多 20 个字符`);
    else if (seen.has(number)) problems.push(`提案号重复：第 ${seen.get(number)} 行已有`);
    if (number) seen.set(number, row.line);
    const title = squeeze(c.title ?? '') ? (c.title ?? '').replace(/\s*\n\s*/g, '') : undefined;
    if (!title) problems.push('缺少案由（标题）');

    const units: { unit: string; role: Role }[] = [];
    for (const role of ['lead', 'split', 'co'] as const) {
      for (const n of splitNames(c[role] ?? '').names) {
        const m = matchUnit(reg, n);
        if (!m.found) problems.push(`${roleZh[role]}单位${unknownName(m, 'units.yaml')}`);
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
    const kind: ProposalKind | undefined = /闭会|会后|平时/.test(c.kind ?? '')
      ? 'between-sessions'
      : /大会|会议期间/.test(c.kind ?? '')
        ? 'plenary'
        : undefined;
    const gaps: Gap[] = [];
    if (!kind) gaps.push({ field: 'kind', hint: gapHint.kind });
    if (!proposers.length) gaps.push({ field: 'proposers', hint: 'proposers.yaml 中的提案人 id' });
    if (!topics.length) gaps.push({ field: 'topics', hint: gapHint.topics });
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
