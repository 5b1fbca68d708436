import { z } from 'zod';
import { isCalendarDate } from '../../dates.ts';
import { listValues } from '../error-map.ts';
import { categorySchema, dateSchema, notPersonalSchema, withheldReasons, withheldReasonSchema } from './common.ts';

/** How much of a reply may be published. */
export const disclosures = ['public', 'summary', 'withheld', 'pending'] as const;
export const disclosureSchema = z.enum(disclosures);
export type Disclosure = z.infer<typeof disclosureSchema>;
/** The disclosures under which a reply's text is published. */
export const publishedDisclosures = ['public', 'summary'] as const satisfies readonly Disclosure[];
export type PublishedDisclosure = (typeof publishedDisclosures)[number];

/** What a commitment has become. */
export const commitmentStatuses = ['open', 'done', 'dropped'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

/** The proposer's feedback on a reply. */
export const feedbacks = ['satisfied', 'basically-satisfied', 'unsatisfied'] as const;
export type Feedback = (typeof feedbacks)[number];

/** Something a reply promises to do, and by when. */
export const commitmentSchema = z.strictObject({
  /** What is promised, in the reply's words, e.g. 2022年底前建成全市智慧停车平台. */
  text: z.string().min(1),
  /** The day it is due. */
  due: dateSchema,
  /** open (not yet done), done, or dropped. */
  status: z.enum(commitmentStatuses),
  /** When the status was verified: required for done and dropped. */
  checkedOn: dateSchema.optional(),
  /** An http(s) link to the proof. */
  evidence: z.url({ protocol: /^https?$/ }).optional(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

/** Frontmatter of `proposals/<session>/<number>/<unit>.mdx`: one unit's reply. */
export const replySchema = z
  .strictObject({
    /** The document's own title, e.g. 关于市政协七届一次会议第20210001号提案答复的函. */
    title: z.string().min(1).optional(),
    /** The reply's document number (文号), e.g. 深发改函〔2021〕123号. */
    docNo: z.string().min(1).optional(),
    /** Its number in the government's disclosure catalogue (索引号), e.g. 11440300007542xxxx/2021-00123. */
    indexNo: z.string().min(1).optional(),
    /**
     * A solved, B being solved, C cannot be solved for now, D kept for reference.
     * Required once published or withheld, except for a co-handling opinion (协办意见).
     */
    category: categorySchema.optional(),
    /** The day the unit replied; only a pending reply may leave it out. */
    repliedOn: dateSchema.optional(),
    /** Who signed the reply (签发人). */
    signedBy: z.string().min(1).optional(),
    /** public: full text; summary: the body is a summary; withheld: ledger only; pending: not yet cleared. */
    disclosure: disclosureSchema,
    /** Why a withheld reply is not published; present exactly when `disclosure` is withheld. */
    withheldReason: withheldReasonSchema.optional(),
    /** Not published before this day (an embargo); defaults to `repliedOn`. */
    publishOn: dateSchema.optional(),
    /** Corrections made after publication, newest last. */
    corrections: z
      .array(
        z.strictObject({
          /** The day of the correction. */
          on: dateSchema,
          /** What was corrected. */
          note: z.string().min(1),
        }),
      )
      .optional(),
    /** The proposer's feedback on the reply. */
    feedback: z.enum(feedbacks).optional(),
    /** What the reply promises to do, and by when. */
    commitments: z.array(commitmentSchema).optional(),
    /** Strings in this record an editor has checked and knows to be public (skipped by the personal-data check). */
    notPersonal: notPersonalSchema,
  })
  .superRefine(
    (r, ctx) => {
      // These run even when another field is wrong (`when` below), so an editor sees every problem at once:
      // each comparison only when the dates it compares are themselves valid.
      const date = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v);
      if (r.disclosure !== 'pending' && r.disclosure !== undefined && r.repliedOn === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['repliedOn'],
          message: '缺少必填字段 → 请添加一行，例如 repliedOn: 2021-06-30（只有 disclosure 为 pending 的答复可以不填）',
        });
      }
      if (Array.isArray(r.commitments)) {
        r.commitments.forEach((c, i) => {
          if ((c?.status === 'done' || c?.status === 'dropped') && c.checkedOn === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: ['commitments', i, 'checkedOn'],
              message: `缺少必填字段：status 为 ${c.status} 时必须填写核实日期 → 请添加一行，例如 checkedOn: 2023-01-10`,
            });
          }
        });
      }
      if (r.disclosure === 'withheld' && r.withheldReason === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['withheldReason'],
          message: `为 withheld（不公开）时必须写明不公开理由 → 请添加一行 withheldReason，可选值：${listValues(withheldReasons)}`,
          // Reported at `disclosure`, the line that asks for the reason.
          params: { at: ['disclosure'] },
        });
      }
      if (r.disclosure !== 'withheld' && r.withheldReason !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['withheldReason'],
          message: `只有 disclosure 为 withheld 时才能填写（当前为 ${String(r.disclosure)}）`,
        });
      }
      if (date(r.publishOn) && date(r.repliedOn) && r.publishOn < r.repliedOn) {
        ctx.addIssue({ code: 'custom', path: ['publishOn'], message: `不能早于 repliedOn（${r.repliedOn}）` });
      }
      if (Array.isArray(r.corrections)) {
        let previous: string | undefined;
        r.corrections.forEach((c, i) => {
          if (!date(c?.on)) return;
          if (date(r.repliedOn) && c.on < r.repliedOn) {
            ctx.addIssue({
              code: 'custom',
              path: ['corrections', i, 'on'],
              message: `更正日期不能早于 repliedOn（${r.repliedOn}）`,
            });
          }
          if (previous && c.on < previous) {
            ctx.addIssue({
              code: 'custom',
              path: ['corrections', i, 'on'],
              message: `更正应按日期先后排列，最新的在最后（上一条为 ${previous}）`,
            });
          }
          previous = c.on;
        });
      }
    },
    { when: () => true },
  );
export type ReplyFrontmatter = z.infer<typeof replySchema>;
