/**
 * The sample's texts: names, and the bodies of proposals and replies, drawn
 * from the vocabulary. Bodies are plain paragraphs in the closed MDX dialect.
 */
import type { Category, Role } from '../../src/lib/model/schemas/index.ts';
import { salutation, type ProposerDef } from './people.ts';
import type { Rng } from './rng.ts';
import {
  CATEGORY_TEXT,
  CLOSINGS,
  INTRO_TAILS,
  MEASURE_HEADS,
  ORDINALS,
  PROGRESS,
  PROPOSAL_EFFECTS,
  PROPOSAL_OPENERS,
  SUPPORTING_MEASURES,
  UNITS,
  type SubjectDef,
  type TopicDef,
  type UnitDef,
} from './vocabulary.ts';

/** Disclosure mix (percent); `embargoed` is `public` with a `publishOn` far in the future. */
export const DISCLOSURE_SHARES = { public: 93, summary: 3, withheld: 2, pending: 1, embargoed: 1 } as const;
export type DisclosureDraw = keyof typeof DISCLOSURE_SHARES;

export const UNIT_BY_ID = new Map(UNITS.map((u) => [u.id, u]));

export interface ReplyDraft {
  unit: string;
  role: Role;
  category: Category;
  disclosure: DisclosureDraw;
}

export interface ProposalDraft {
  number: string;
  title: string;
  kind: 'plenary' | 'between-sessions';
  proposers: ProposerDef[];
  filedOn: number;
  showFiledOn: boolean;
  topics: TopicDef[];
  /** The proposal's main subject first, then 1–2 related subjects of the same topic. */
  subjects: SubjectDef[];
  units: { unit: string; role: Role }[];
  key?: { supervisor: string; supervisorTitle: string };
  body: string;
}

export function fill(template: string, rng: Rng, year: number, field: string): string {
  return template
    .replaceAll('FIELD', field)
    .replaceAll('NEXT', String(year + 1))
    .replaceAll('YEAR', String(year))
    .replace(/NUM/g, () => String(rng.range(3, 120)));
}

export function proposalBody(rng: Rng, p: Omit<ProposalDraft, 'body'>, district?: UnitDef): string {
  const topic = p.topics[0];
  const paras: string[] = [];
  const issues = [p.subjects[0].issue];
  if (p.subjects[1] && rng.chance(0.5)) issues.push(p.subjects[1].issue);
  const where = district ? `在${district.short}，` : '';
  paras.push(`${fill(rng.pick(PROPOSAL_OPENERS), rng, 0, topic.field)}${where}${issues.join('；')}。`);
  const suggestions = p.subjects.map((s) => s.suggestion);
  if (rng.chance(0.3)) {
    paras.push('为此，提出如下建议：');
    paras.push(suggestions.map((s) => `- ${s}。`).join('\n'));
  } else {
    paras.push(`为此，建议：${suggestions.map((s, i) => `${ORDINALS[i]}是${s}`).join('；')}。`);
  }
  if (rng.chance(0.5)) paras.push(rng.pick(PROPOSAL_EFFECTS));
  return paras.join('\n\n');
}

/**
 * What a unit can report doing: the main unit answers the proposal's subjects;
 * the others answer the subjects they lead, else with supporting measures.
 */
function measuresFor(rng: Rng, p: ProposalDraft, unit: string, isMain: boolean): string[] {
  if (isMain) return p.subjects.map((s) => s.measure);
  const own = p.topics.flatMap((t) => t.subjects.filter((s) => s.lead.includes(unit))).map((s) => s.measure);
  return own.length ? rng.sample(own, 3) : rng.sample(SUPPORTING_MEASURES, 2);
}

export function replyBody(rng: Rng, p: ProposalDraft, r: ReplyDraft, year: number): string {
  const topic = p.topics[0];
  const unit = UNIT_BY_ID.get(r.unit)!;
  const isMain = p.units[0].unit === r.unit;
  const mine = p.subjects.find((s) => s.lead.includes(r.unit));
  const sugg = (isMain ? p.subjects[0] : (mine ?? rng.pick(p.subjects))).suggestion;
  const categoryText = fill(rng.pick(CATEGORY_TEXT[r.category]), rng, year, topic.field).replace('SUGG', `“${sugg}”`);
  const measures = measuresFor(rng, p, r.unit, isMain);
  if (r.disclosure === 'summary') {
    return `摘要：${unit.name}就《${p.title}》进行了研究办理，主要措施包括${measures[0]}。${categoryText}`;
  }
  const paras: string[] = [];
  paras.push(salutation(p.proposers));
  let ack = `您提出的《${p.title}》收悉。`;
  if (r.role === 'co') ack += `作为协办单位，我单位对提案进行了认真研究，现将协办意见函复如下。`;
  else if (r.role === 'split') ack += `${rng.pick(INTRO_TAILS)}现就提案中涉及我单位职责的部分答复如下：`;
  else {
    const co = p.units.filter((u) => u.role === 'co').map((u) => UNIT_BY_ID.get(u.unit)!.name);
    ack += rng.pick(INTRO_TAILS);
    ack += co.length ? `经商${co.join('、')}，现答复如下：` : '现答复如下：';
  }
  paras.push(ack);
  const n = Math.min(measures.length, r.role === 'co' ? rng.range(1, 2) : rng.range(1, 3));
  const heads = rng.sample(MEASURE_HEADS, n);
  const leadName = UNIT_BY_ID.get(p.units[0].unit)!.name;
  for (let i = 0; i < n; i++) {
    const doing = r.role === 'co' ? `我单位积极配合${leadName}，${measures[i]}` : `我单位${measures[i]}`;
    paras.push(`${ORDINALS[i]}、${heads[i]}。${doing}。${fill(rng.pick(PROGRESS), rng, year, topic.field)}。`);
  }
  paras.push(categoryText);
  // Salutation, acknowledgement, 1–3 measures, the outcome, maybe a closing: at most 6.
  if (n < 3 && rng.chance(0.75)) paras.push(fill(rng.pick(CLOSINGS), rng, year, topic.field));
  return paras.join('\n\n');
}
