/**
 * The friendly error map: every zod issue of the content model in Chinese, in
 * one style — what is wrong, the value as written, then `→` what to write
 * instead — driven by the issue's own data (its code, path, input, allowed
 * values) and the schema at its path, so a new field or enum needs no new
 * wording here.
 */
import type { z } from 'zod';
import {
  categoryZh,
  commitmentStateZh,
  disclosureZh,
  feedbackZh,
  proposalKindZh,
  proposerKindZh,
  roleZh,
  unitKindZh,
  withheldReasonZh,
} from '../labels.ts';
import { isCalendarDate, isoFromLoose, ISO_DATE } from '../dates.ts';
import { nearest } from './suggest.ts';

/** Chinese words for every enum value an editor writes, by the set of values it belongs to. */
export const valueLabels: Readonly<Record<string, string>>[] = [
  categoryZh,
  { ...disclosureZh, withheld: '不公开', pending: '待审核，暂不发布' },
  withheldReasonZh,
  roleZh,
  proposalKindZh,
  feedbackZh,
  unitKindZh,
  proposerKindZh,
  commitmentStateZh,
];

/** The Chinese label of `value` among `values`: the dictionary that holds all of them. */
function labelsFor(values: readonly string[]): Readonly<Record<string, string>> {
  return valueLabels.find((d) => values.every((v) => v in d)) ?? {};
}

/** `public（全文公开）、summary（摘要公开）…` */
export function listValues(values: readonly string[]): string {
  const labels = labelsFor(values);
  return values.map((v) => (labels[v] ? `${v}（${labels[v]}）` : v)).join('、');
}

/** The value as the editor wrote it, for the message. */
export function asWritten(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '一个列表';
  if (typeof input === 'object') return '一组键值对';
  if (typeof input === 'string') return input === '' ? '空文本' : input;
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint' || input === undefined)
    return String(input);
  return typeof input; // a function or a symbol: YAML makes neither
}

/** Examples of each field as DESIGN.md writes them: what to add when it is missing. */
const examples: Record<string, string> = {
  number: '"20210001"',
  kind: 'plenary',
  proposers: '[member-liu-danning]',
  topics: '[industry]',
  units: '[{ unit: fgw, role: lead }]',
  supervisor: '覃伟中',
  repliedOn: '2021-06-30',
  filedOn: '2021-01-20',
  publishedOn: '2022-04-10',
  on: '2021-09-01',
  due: '2022-12-31',
  checkedOn: '2023-01-10',
  note: '更正第三段数据',
  text: '2022年底前建成全市智慧停车平台',
  id: 'fgw',
  name: '市发展改革委',
  description: '……',
  unit: 'fgw',
  role: 'lead',
  source: '{ title: …, publishedOn: 2022-04-10 }',
};

type PathKey = PropertyKey;
type AnySchema = { _zod: { def: Record<string, unknown> & { type: string } } };

/** The schema of the field at `path` inside `root` (optional, arrays and pipes unwrapped), if it can be found. */
export function schemaAt(root: unknown, path: readonly PathKey[]): AnySchema | undefined {
  let s = root as AnySchema | undefined;
  const unwrap = () => {
    while (s && ['optional', 'nullable', 'default', 'pipe', 'readonly', 'catch', 'prefault'].includes(s._zod.def.type))
      s = (s._zod.def.innerType ?? s._zod.def.in) as AnySchema | undefined;
  };
  for (const k of path) {
    unwrap();
    if (!s) return undefined;
    if (typeof k === 'number' && s._zod.def.type === 'array') s = s._zod.def.element as AnySchema;
    else if (s._zod.def.type === 'object') s = (s._zod.def.shape as Record<string, AnySchema>)[String(k)];
    else return undefined;
  }
  unwrap();
  return s;
}

/** The allowed values of an enum schema, if it is one. */
function enumValues(s: AnySchema | undefined): string[] | undefined {
  if (s?._zod.def.type !== 'enum') return undefined;
  return Object.values(s._zod.def.entries as Record<string, string>);
}

/** The keys an object schema at `path` allows. */
export function keysAt(root: unknown, path: readonly PathKey[]): string[] {
  const s = schemaAt(root, path);
  return s?._zod.def.type === 'object' ? Object.keys(s._zod.def.shape as object) : [];
}

const typeZh: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '键值对',
};

/** The message for a date field that did not pass. */
function dateMessage(input: string): string {
  const iso = ISO_DATE.test(input.trim()) ? input.trim() : isoFromLoose(input);
  if (iso && !isCalendarDate(iso)) return `日期不存在（${input}）→ 请核对月份和日期，格式为 YYYY-MM-DD`;
  if (iso) return `日期格式不正确（${input}）→ 应写成 ${iso}`;
  return `日期格式不正确（${input}）→ 应写成 YYYY-MM-DD，例如 2021-06-30`;
}

export interface IssueContext {
  /** The schema the value was checked against, for allowed keys and enum values. */
  schema?: unknown;
  /** For `unrecognized_keys`: the one key this message is about. */
  key?: string;
}

/** What to add when the field at `path` is missing. */
function missing(path: readonly PathKey[], schema: unknown): string {
  const name = String([...path].reverse().find((k) => typeof k === 'string') ?? '');
  const values = enumValues(schemaAt(schema, path));
  if (values) return `缺少必填字段 → 请添加 ${name}，可选值：${listValues(values)}`;
  const example = examples[name];
  return example ? `缺少必填字段 → 请添加一行，例如 ${name}: ${example}` : `缺少必填字段 → 请添加 ${name}`;
}

/** What to write when the field at `path` is there but empty (`title:` with nothing after the colon). */
function blank(path: readonly PathKey[], schema: unknown): string {
  const name = String([...path].reverse().find((k) => typeof k === 'string') ?? '');
  const values = enumValues(schemaAt(schema, path));
  if (values) return `未填写（冒号后为空）→ 请填写其中一个：${listValues(values)}`;
  const example = examples[name];
  return example
    ? `未填写（冒号后为空）→ 请在冒号后填写，例如 ${name}: ${example}；可选字段不需要时请删除这一行`
    : '未填写（冒号后为空）→ 请在冒号后填写内容；可选字段不需要时请删除这一行';
}

/** A zod issue in Chinese: what is wrong (the value as written) → what to write instead. */
export function issueMessage(issue: z.core.$ZodIssue, ctx: IssueContext = {}): string {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom')
    return missing(issue.path, ctx.schema);
  if (input === null && (issue.code === 'invalid_type' || issue.code === 'invalid_value'))
    return blank(issue.path, ctx.schema);
  switch (issue.code) {
    case 'invalid_type': {
      const want = typeZh[issue.expected] ?? issue.expected;
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
        return `应为文本，实际为${typeof input === 'number' ? '数字' : ' true/false'}（${String(input)}）→ 请加上引号："${String(input)}"`;
      if (issue.expected === 'array' && typeof input === 'string') return `应为列表（${input}）→ 请写成 [${input}]`;
      if (issue.expected === 'boolean' && typeof input === 'string')
        return `应为 true 或 false（${input}）→ 请写成 true（是）或 false（否），不加引号`;
      if (
        (issue.expected === 'number' || issue.expected === 'int') &&
        typeof input === 'string' &&
        /^\d+$/.test(input.trim())
      )
        return `应为数字（"${input}"）→ 请去掉引号：${input.trim()}`;
      return `应为${want}（${asWritten(input)}）→ 请改成${want}`;
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = typeof input === 'string' ? nearest(input, values, labelsFor(values)) : undefined;
      const all = `可选值：${listValues(values)}`;
      return guess !== undefined
        ? `取值无效（${asWritten(input)}）→ 应写成 ${guess}；${all}`
        : `取值无效（${asWritten(input)}）→ ${all}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return '不能为空列表 → 请至少写一项';
      if (issue.origin === 'string') return '不能为空 → 请填写内容，或删除这一行';
      return `不能小于 ${String(issue.minimum)}（${asWritten(input)}）`;
    case 'too_big':
      if (issue.origin === 'string') return `太长：最多 ${String(issue.maximum)} 个字符（${asWritten(input)}）`;
      return `不能大于 ${String(issue.maximum)}（${asWritten(input)}）`;
    case 'invalid_format':
      if (issue.format === 'url') return `网址无效（${asWritten(input)}）→ 应以 http:// 或 https:// 开头`;
      if (issue.format === 'regex') return `${issue.message}（${asWritten(input)}）`;
      return `格式不正确（${asWritten(input)}）：${issue.message}`;
    case 'unrecognized_keys': {
      const key = ctx.key ?? issue.keys[0];
      const known = ctx.schema ? keysAt(ctx.schema, issue.path) : [];
      const guess = nearest(key, known);
      return guess !== undefined
        ? `未知字段（${key}）→ 是否应为 ${guess}？`
        : `未知字段（${key}）→ 内容模型中没有这个字段，请检查拼写${known.length ? `；可用字段：${known.join('、')}` : ''}`;
    }
    case 'custom':
      // Dates refine a string: say how the value should be written.
      if (typeof input === 'string' && /^\s*\d{4}\D/.test(input) && /日期/.test(issue.message))
        return dateMessage(input);
      if (input !== undefined && /^(应为|只能)/.test(issue.message) && !issue.message.includes('实际为'))
        return `${issue.message}（${asWritten(input)}）`;
      return issue.message;
    default:
      return issue.message;
  }
}
