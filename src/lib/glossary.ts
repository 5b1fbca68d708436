/**
 * The site's words: one glossary, shown at /about/#glossary, and the variants
 * that must not appear in the site's own text (a build test scans every
 * page). Quoted documents keep their own wording: reply and proposal texts
 * are excluded from that check, since a reply may well call itself 复文.
 */

export interface Term {
  /** The word the site uses. */
  term: string;
  /** What it means, in one or two sentences. */
  definition: string;
  /** Words the site does not use for it (shown as “不用……”). */
  not?: readonly string[];
}

export const glossary: readonly Term[] = [
  {
    term: '提案',
    definition: '政协委员或政协各参加单位、专门委员会向政协全体会议或常委会提出、经审查立案的书面意见和建议。',
  },
  {
    term: '提案者',
    definition: '提出提案的委员个人，或以集体名义提出提案的专门委员会、党派、团体和界别。',
    not: ['提案人'],
  },
  {
    term: '答复',
    definition:
      '答复单位就一件提案作出的书面答复（公文上常称“复文”或“答复函”）。一件提案有几个答复单位时，每个单位各有一份。',
    not: ['复文'],
  },
  {
    term: '答复单位',
    definition: '负责办理并答复提案的政府部门或区政府，按角色分为主办、协办和分办单位。',
    not: ['承办单位'],
  },
  {
    term: '主办',
    definition: '牵头研究办理提案、负责答复提案者的单位。',
  },
  {
    term: '协办',
    definition: '配合主办单位办理的单位（也称会办），向主办单位提出协办意见。',
  },
  {
    term: '协办意见',
    definition: '协办单位写给主办单位的意见。本站与答复一同公开；它可以不标办理结果类别。',
  },
  {
    term: '分办',
    definition: '提案按内容分给几个单位，各自就负责的部分分别答复。',
  },
  {
    term: '办理结果',
    definition:
      '答复单位在答复中标定的类别：A 类已解决或基本解决，B 类正在解决或已列入计划解决，C 类因条件限制暂时不能解决，D 类留作参考。',
  },
  {
    term: '重点提案',
    definition: '由政协确定、一位市领导领衔督办的提案；提案页面注明督办领导及其职务。',
  },
  {
    term: '全文公开、摘要公开',
    definition: '本站发布答复全文，或只发布答复单位提供的摘要。',
  },
  {
    term: '不予公开',
    definition:
      '因涉及国家秘密、工作秘密、个人隐私、敏感信息或其他原因不公开的答复：只在不予公开清单中登记提案、单位、类别和理由，不发布正文。',
  },
  {
    term: '暂未公开',
    definition: '尚在审核或未到公开日期的答复：本站只计数，不显示任何内容。',
  },
  {
    term: '未收录',
    definition: '提案列出了这个答复单位，但本站还没有它的答复记录。',
  },
  {
    term: '答复日期',
    definition: '答复单位作出答复的日期，以答复落款日期为准。',
  },
  {
    term: '公开日期',
    definition: '答复在本站公开的日期：设定了公开日期的按该日期，否则为答复日期。',
  },
  {
    term: '办理天数',
    definition: '从提案提交日期到答复日期的日历天数（答复日期减提交日期），只对写明提交日期的提案计算。',
  },
];

/**
 * The banned variants as one pattern each. 复文 is matched only where it is
 * not the end of 答复 followed by 文 (答复文号, 答复文本 are fine).
 */
export const bannedTerms: readonly { pattern: RegExp; use: string; variant: string }[] = glossary.flatMap((t) =>
  (t.not ?? []).map((variant) => ({
    variant,
    use: t.term,
    pattern: new RegExp(variant === '复文' ? '(?<!答)复文' : variant, 'g'),
  })),
);

/** Every banned variant in `text`, with a few characters around it, for a failure message. */
export function findBannedTerms(text: string): { variant: string; use: string; context: string }[] {
  const found: { variant: string; use: string; context: string }[] = [];
  for (const b of bannedTerms) {
    for (const m of text.matchAll(b.pattern)) {
      const at = m.index ?? 0;
      found.push({ variant: b.variant, use: b.use, context: text.slice(Math.max(0, at - 12), at + 12) });
    }
  }
  return found;
}
