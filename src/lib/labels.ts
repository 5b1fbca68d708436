/** Chinese words for the content model's values: one place, used by every page and export. */
import type { Category, WithheldReason } from './model/schemas/common.ts';
import type { Role } from './model/schemas/proposal.ts';
import type { ProposerKind, UnitKind } from './model/schemas/registry.ts';
import type { CommitmentStatus } from './model/schemas/reply.ts';
import type { Official } from './model/schemas/session.ts';

/** Each category's meaning, as the government's reports word it. */
export const categoryZh: Record<Category, string> = {
  A: '已解决或基本解决',
  B: '正在解决或已列入计划解决',
  C: '因条件限制暂时不能解决',
  D: '留作参考',
};

/** `A 类`: a category as tables, badges and charts name it. */
export const categoryShortZh = (c: Category | (string & {})) => `${c} 类`;

/** `A 类 · 已解决或基本解决`: a category as lists and filters name it. */
export const categoryLabel = (c: Category) => `${c} 类 · ${categoryZh[c]}`;

export const roleZh: Record<Role, string> = { lead: '主办', co: '协办', split: '分办' };

export const disclosureZh = { public: '全文公开', summary: '摘要公开' } as const;

export const proposalKindZh = { plenary: '大会提案', 'between-sessions': '平时提案' } as const;

export const feedbackZh = { satisfied: '满意', 'basically-satisfied': '基本满意', unsatisfied: '不满意' } as const;

/** Why a reply or passage is not disclosed. */
export const withheldReasonZh: Record<WithheldReason, string> = {
  'state-secret': '涉及国家秘密',
  'work-secret': '涉及工作秘密',
  privacy: '涉及个人隐私',
  sensitive: '涉及敏感信息',
  other: '其他原因',
};

export const unitKindZh: Record<UnitKind, string> = { department: '市直部门', district: '区政府', other: '其他单位' };

/** Each proposer kind's Chinese name. */
export const proposerKindZh: Record<ProposerKind, string> = {
  member: '委员',
  committee: '专门委员会',
  party: '民主党派',
  group: '人民团体',
  sector: '界别',
};

/** A commitment's state: its `status` as written, or `overdue` (open with `due` before the build date). */
export const commitmentStateZh: Record<CommitmentStatus | 'overdue', string> = {
  overdue: '已逾期',
  open: '进行中',
  done: '已完成',
  dropped: '已放弃',
};

/**
 * What a unit's reply is called: a `co` unit's is a co-handling opinion
 * (协办意见), addressed to the lead unit; the others' are replies (答复).
 */
export const replyNounZh = (role: Role): '协办意见' | '答复' => (role === 'co' ? '协办意见' : '答复');

/** Between two proposers' names, and after the last when the source says there are more. */
export const proposerSeparator = '、';
export const andOthersZh = '等';

/** The proposers as the source names them: `马青、周丽`, with 等 when it says there are more (`马青、周丽等`). */
export const proposersZh = (names: readonly string[], andOthers?: boolean): string =>
  `${names.join(proposerSeparator)}${andOthers ? andOthersZh : ''}`;

/** Who supervises a key proposal: `市长覃伟中 领衔督办`, or that the source does not say. */
export const keySupervisorZh = (key: { supervisor?: string; supervisorTitle?: string }): string =>
  key.supervisor ? `${key.supervisorTitle ?? ''}${key.supervisor} 领衔督办` : '督办领导未公布';

/**
 * A session's official figures from proposals received to replies due, as the
 * government's report names them; `sub` marks a part of the row above
 * (大会提案 and 平时提案 are parts of 收到提案). The session figures table and
 * the funnel chart both read this list.
 */
export const officialStagesZh: readonly {
  key: keyof Pick<Official, 'received' | 'plenary' | 'betweenSessions' | 'registered' | 'toGovernment' | 'repliesDue'>;
  label: string;
  sub: boolean;
}[] = [
  { key: 'received', label: '收到提案', sub: false },
  { key: 'plenary', label: '大会提案', sub: true },
  { key: 'betweenSessions', label: '平时提案', sub: true },
  { key: 'registered', label: '立案', sub: false },
  { key: 'toGovernment', label: '交政府系统办理', sub: false },
  { key: 'repliesDue', label: '应有答复', sub: false },
];
