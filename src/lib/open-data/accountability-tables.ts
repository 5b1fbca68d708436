/**
 * Field lists and table definitions of the accountability tables
 * (`proposers`, `commitments`), registered in `tables` of ./fields.ts. This
 * file imports only table-schema.ts from here, so fields.ts can import it
 * without an import cycle. Row builders are in ./proposers.ts and ./commitments.ts.
 */
import { proposerKinds } from '../model/schemas/registry.ts';
import { commitmentStatuses } from '../model/schemas/reply.ts';
import { commitmentStateZh, proposerKindZh } from '../labels.ts';
import { labelled, type FieldDef, type RowOf, type TableDef } from './table-schema.ts';

export const proposerFields = [
  { name: 'id', type: 'string', title: '提案者编号', description: '提案者 id', required: true, unique: true },
  { name: 'name', type: 'string', title: '名称', description: '委员姓名或集体名称', required: true },
  {
    name: 'kind',
    type: 'string',
    title: '类型',
    description: labelled(proposerKindZh),
    required: true,
    enum: proposerKinds,
  },
  { name: 'sector', type: 'string', title: '界别', description: '委员所属界别，未注明时为空' },
  { name: 'proposals', type: 'integer', title: '提案数', description: '列名的提案件数', required: true },
  { name: 'first', type: 'integer', title: '第一提案者', description: '列为第一提案者的提案件数', required: true },
  { name: 'key_proposals', type: 'integer', title: '重点提案', description: '其中重点提案件数', required: true },
  { name: 'sessions', type: 'integer', title: '会议数', description: '提出提案的会议次数', required: true },
  {
    name: 'a',
    type: 'integer',
    title: 'A 类',
    description: '答复中 A 类的份数（已公开和不予公开的答复）',
    required: true,
  },
  { name: 'b', type: 'integer', title: 'B 类', description: '答复中 B 类的份数', required: true },
  { name: 'c', type: 'integer', title: 'C 类', description: '答复中 C 类的份数', required: true },
  { name: 'd', type: 'integer', title: 'D 类', description: '答复中 D 类的份数', required: true },
  { name: 'published', type: 'integer', title: '已公开', description: '全文或摘要已公开的答复份数', required: true },
  { name: 'withheld', type: 'integer', title: '不予公开', description: '不予公开的答复份数', required: true },
  {
    name: 'unpublished',
    type: 'integer',
    title: '暂未公开',
    description: '尚未公开的答复份数（只计数）',
    required: true,
  },
  { name: 'url', type: 'string', format: 'uri', title: '网址', description: '提案者页面的地址', required: true },
] as const satisfies readonly FieldDef[];

export type ProposerExportRow = RowOf<typeof proposerFields>;

export const proposerTable = {
  title: '提案者',
  description: '委员、专门委员会、民主党派、人民团体和界别，及其提案和答复的办理结果，每行一个',
  fields: proposerFields,
  primaryKey: ['id'],
  foreignKeys: [],
} as const satisfies TableDef;

export const commitmentFields = [
  {
    name: 'id',
    type: 'string',
    title: '承诺编号',
    description: '答复编号#序号，如 7-1/20210010/gaj#1',
    required: true,
    unique: true,
  },
  { name: 'reply', type: 'string', title: '答复编号', description: '对应 replies 的 id', required: true },
  { name: 'proposal', type: 'string', title: '提案编号', description: '对应 proposals 的 id', required: true },
  { name: 'session', type: 'string', title: '会次', description: '届-次，如 7-1', required: true },
  { name: 'unit', type: 'string', title: '单位编号', description: '对应 units 的 id', required: true },
  { name: 'text', type: 'string', title: '承诺', description: '答复承诺做的事', required: true },
  { name: 'due', type: 'date', title: '期限', description: '承诺的期限', required: true },
  {
    name: 'status',
    type: 'string',
    title: '状态',
    description: `${labelled({ open: commitmentStateZh.open, done: commitmentStateZh.done, dropped: commitmentStateZh.dropped })}（记录中的状态）`,
    required: true,
    enum: commitmentStatuses,
  },
  {
    name: 'overdue',
    type: 'string',
    title: '是否逾期',
    description: 'yes：状态为进行中且期限早于生成日期；否则 no',
    required: true,
    enum: ['yes', 'no'],
  },
  { name: 'checked_on', type: 'date', title: '核实日期', description: '完成或放弃的核实日期，进行中时可为空' },
  { name: 'evidence', type: 'string', format: 'uri', title: '依据', description: '证明材料的链接，没有时为空' },
  {
    name: 'url',
    type: 'string',
    format: 'uri',
    title: '网址',
    description: '答复页面中这项承诺的地址',
    required: true,
  },
] as const satisfies readonly FieldDef[];

export type CommitmentExportRow = RowOf<typeof commitmentFields>;

export const commitmentTable = {
  title: '答复中的承诺',
  description: '已公开答复中的承诺、期限和完成情况，每行一项',
  fields: commitmentFields,
  primaryKey: ['id'],
  foreignKeys: [
    { fields: 'reply', reference: { resource: 'replies', fields: 'id' } },
    { fields: 'unit', reference: { resource: 'units', fields: 'id' } },
  ],
} as const satisfies TableDef;
