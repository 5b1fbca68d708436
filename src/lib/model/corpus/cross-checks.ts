/**
 * The checks that read one file against another: a proposal's references to
 * its session and the lists, a reply's unit and its proposal. Each returns what
 * it finds, in the order the checks run; the phases locate and report them.
 */
import { roleZh } from '../../labels.ts';
import { listValues } from '../error-map.ts';
import { categories, type ProposalFrontmatter, type ReplyFrontmatter, type Session } from '../schemas/index.ts';
import { nearest } from '../suggest.ts';
import type { Lists } from './lists.ts';

/** Something wrong at a field of the record being checked. */
export interface Finding {
  /** The path to the field in the frontmatter (`[]` for the record as a whole). */
  at: (string | number)[];
  field: string;
  message: string;
}

/** `→ 是否应为 mzj（市民政局）？` for an id that is not in its list, when one is close. */
export function didYouMean(id: string, list: ReadonlyMap<string, { id: string; name: string }>): string {
  const names = Object.fromEntries([...list.values()].map((x) => [x.id, x.name]));
  const guess = nearest(id, [...list.keys()], names);
  return guess !== undefined ? ` → 是否应为 ${guess}（${names[guess]}）？` : '';
}

/** The proposal's folder names a session that has a file. */
export function sessionReference(session: string, withFile: Set<string>, sessions: Session[]): Finding[] {
  if (withFile.has(session)) return [];
  const known = new Map(sessions.map((x) => [x.id, x]));
  return [
    {
      at: [],
      field: 'session',
      message: `会议 "${session}" 不存在：应有 sessions/${session}.yaml${didYouMean(session, known)}`,
    },
  ];
}

/**
 * A proposal's proposers, topics and units are in their lists (each unit once).
 * References are checked against lists that loaded; a broken list is reported once, in its own file.
 */
export function proposalReferences(d: ProposalFrontmatter, lists: Lists): Finding[] {
  const found: Finding[] = [];
  const { proposers, topics, units } = lists;
  d.proposers.forEach((p, i) => {
    if (proposers.list && !proposers.byId.has(p))
      found.push({
        at: ['proposers', i],
        field: `proposers[${i}]`,
        message: `提案者 "${p}" 不在 proposers.yaml 中${didYouMean(p, proposers.byId)}`,
      });
  });
  d.topics.forEach((t, i) => {
    if (topics.list && !topics.byId.has(t))
      found.push({
        at: ['topics', i],
        field: `topics[${i}]`,
        message: `主题 "${t}" 不在 topics.yaml 中${didYouMean(t, topics.byId)}`,
      });
  });
  const seenUnits = new Set<string>();
  d.units.forEach((u, i) => {
    const at = ['units', i, 'unit'];
    const field = `units[${i}].unit`;
    if (units.list && !units.byId.has(u.unit))
      found.push({ at, field, message: `单位 "${u.unit}" 不在 units.yaml 中${didYouMean(u.unit, units.byId)}` });
    if (seenUnits.has(u.unit)) found.push({ at, field, message: `单位 "${u.unit}" 重复列出` });
    seenUnits.add(u.unit);
  });
  return found;
}

/** A reply's file name is a unit of units.yaml (when the list loaded). */
export function replyUnitReference(unit: string, lists: Lists): string | undefined {
  const { units } = lists;
  if (units.byId.has(unit) || !units.list) return undefined;
  return `文件名应为答复单位的 id：单位 "${unit}" 不在 units.yaml 中${didYouMean(unit, units.byId)}`;
}

/**
 * A reply against the proposal it answers: its unit is one the proposal is
 * handed to, it is not dated before the proposal was filed, and a lead or split
 * unit's reply is graded.
 */
export function replyAgainstProposal(unit: string, d: ReplyFrontmatter, proposal?: ProposalFrontmatter): Finding[] {
  const found: Finding[] = [];
  if (proposal && !proposal.units.some((u) => u.unit === unit)) {
    found.push({
      at: [],
      field: 'unit',
      message: `单位 "${unit}" 不是该提案 units 中的答复单位（${proposal.units.map((u) => u.unit).join('、')}）`,
    });
  }
  const filedOn = proposal?.filedOn;
  if (filedOn && d.repliedOn && d.repliedOn < filedOn)
    found.push({
      at: ['repliedOn'],
      field: 'repliedOn',
      message: `不能早于提案的 filedOn（${filedOn}）（${d.repliedOn}）→ 请核对两个日期`,
    });
  // A lead or split unit's reply is graded once it is published or withheld; a co-handling opinion (协办意见) need not be.
  const role = proposal?.units.find((u) => u.unit === unit)?.role;
  if (role && role !== 'co' && d.disclosure !== 'pending' && d.category === undefined) {
    found.push({
      at: ['disclosure'],
      field: 'category',
      message: `缺少必填字段：${roleZh[role]}单位的答复在 disclosure 为 ${d.disclosure} 时必须填写 category → 请添加 category，可选值：${listValues(categories)}（只有协办意见或 pending 的答复可以不填）`,
    });
  }
  return found;
}
