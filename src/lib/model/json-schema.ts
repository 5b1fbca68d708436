/**
 * JSON Schemas of the content files, generated from the zod schemas in
 * `schemas/` (never written by hand, so they cannot drift), for editors'
 * tools: a YAML language server can check `units.yaml` or a reply's
 * frontmatter as it is typed. Published under `/data/schemas/`.
 *
 * They describe the files as written (`io: 'input'`: a field with a default,
 * like `site.yaml`'s `demo`, is optional). Checks zod runs in code and JSON
 * Schema cannot say (a real calendar date, session sums, cross-references
 * between files) are named in each schema's description; `npm run validate`
 * remains the authority. Dates get a pattern that accepts both forms the
 * model reads (`2021-06-30` and `2021年6月30日`; no `format: date`, which
 * would refuse the second); a reply's "withheldReason exactly when withheld"
 * rule is expressed with if/then/else.
 */
import { z } from 'zod';
import { dateSchema } from './schemas/common.ts';
import { proposalSchema } from './schemas/proposal.ts';
import { proposersSchema, topicsSchema, unitsSchema } from './schemas/registry.ts';
import { replySchema } from './schemas/reply.ts';
import { sessionSchema } from './schemas/session.ts';
import { siteSchema } from './schemas/site.ts';

/** A JSON Schema document (draft 2020-12). */
export type JsonSchema = Record<string, unknown>;

interface Source {
  schema: z.ZodType;
  /** The file it describes. */
  file: string;
  title: string;
  description: string;
  /** Checks JSON Schema cannot express. */
  notExpressed: string[];
}

const sources = {
  site: {
    schema: siteSchema,
    file: 'site.yaml',
    title: '站点设置（site.yaml）',
    description: '站点标题、说明和演示数据标记。',
    notExpressed: [],
  },
  units: {
    schema: unitsSchema,
    file: 'units.yaml',
    title: '答复单位（units.yaml）',
    description: '答复单位列表。',
    notExpressed: ['id 在列表中唯一'],
  },
  topics: {
    schema: topicsSchema,
    file: 'topics.yaml',
    title: '主题（topics.yaml）',
    description: '提案主题列表。',
    notExpressed: ['id 在列表中唯一'],
  },
  proposers: {
    schema: proposersSchema,
    file: 'proposers.yaml',
    title: '提案者（proposers.yaml）',
    description: '提案者列表：委员、专委会、党派、人民团体和界别。',
    notExpressed: ['id 在列表中唯一'],
  },
  session: {
    schema: sessionSchema,
    file: 'sessions/<id>.yaml',
    title: '会次（sessions/<id>.yaml）',
    description: '一次政协会议及政府公布的办理统计数字。',
    notExpressed: [
      'id 与文件名一致',
      '日期是真实存在的日期',
      'plenary + betweenSessions = received',
      'registered ≤ received',
      'toGovernment ≤ registered',
      'A + B + C + D = repliesDue',
    ],
  },
  proposal: {
    schema: proposalSchema,
    file: 'proposals/<session>/<number>/index.mdx',
    title: '提案（index.mdx 的 frontmatter）',
    description: '提案的基本信息；正文为提案摘要。',
    notExpressed: [
      'number 与文件夹名一致（会次、提案号取自路径）',
      '日期是真实存在的日期',
      'proposers、topics、units 引用的 id 存在',
      '同一单位不重复列出',
    ],
  },
  reply: {
    schema: replySchema,
    file: 'proposals/<session>/<number>/<unit>.mdx',
    title: '答复（<unit>.mdx 的 frontmatter）',
    description: '一个答复单位对提案的答复；正文为答复全文或摘要，不予公开时正文为空。',
    notExpressed: [
      '单位（文件名）是提案的答复单位之一',
      '日期是真实存在的日期（2021年6月30日 的写法存为 2021-06-30）',
      'repliedOn 必填，只有 disclosure 为 pending 的答复可以不填',
      'category 在答复已公开（public、summary）或不予公开（withheld）且单位为主办（lead）或分办（split）时必填；协办（co）单位的协办意见可以不填',
      'commitments 中 status 为 done 或 dropped 时必须填写 checkedOn',
      'filedOn ≤ repliedOn ≤ publishOn',
      'withheld 的答复正文为空',
    ],
  },
} satisfies Record<string, Source>;

export type ContentSchemaName = keyof typeof sources;

/** Where a content schema is published on the site. */
export function contentSchemaPath(name: ContentSchemaName): string {
  return `/data/schemas/${name}.schema.json`;
}

/** Both ways the model reads a date: `2021-06-30`, or as documents print it, `2021年6月30日`. */
export const DATE_PATTERN = '^(?:\\d{4}-\\d{2}-\\d{2}|\\d{4}年\\d{1,2}月\\d{1,2}日)$';

/** `withheldReason` is present exactly when `disclosure` is `withheld`. */
const withheldRule: JsonSchema = {
  if: { properties: { disclosure: { const: 'withheld' } }, required: ['disclosure'] },
  then: { required: ['withheldReason'] },
  else: { not: { required: ['withheldReason'] } },
};

/**
 * Every content schema, keyed by name, each with `$id` (absolute when
 * `siteUrl` is given, else the site-relative path), `title` and `description`.
 */
export function contentJsonSchemas(siteUrl?: string): Record<ContentSchemaName, JsonSchema> {
  const out = {} as Record<ContentSchemaName, JsonSchema>;
  for (const name of Object.keys(sources) as ContentSchemaName[]) {
    const src: Source = sources[name];
    const generated = z.toJSONSchema(src.schema, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      override: (ctx) => {
        if (ctx.zodSchema === dateSchema) {
          ctx.jsonSchema.pattern = DATE_PATTERN;
          ctx.jsonSchema.description = '日期：2021-06-30 或 2021年6月30日';
        }
      },
    }) as JsonSchema;
    const path = contentSchemaPath(name);
    const { $schema, ...rest } = generated;
    const notes = src.notExpressed.length
      ? `以下检查由 npm run validate 执行，本模式无法表达：${src.notExpressed.join('；')}。`
      : '';
    out[name] = {
      $schema,
      $id: siteUrl ? new URL(path, siteUrl).href : path,
      title: src.title,
      description: `${src.description}适用文件：${src.file}。${notes}`,
      ...rest,
      ...(name === 'reply' && withheldRule),
    };
  }
  return out;
}
