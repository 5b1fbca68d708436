import { z } from 'zod';
import { isCalendarDate } from '../dates.ts';
import { listValues } from '../model/error-map.ts';
import { categorySchema, dateSchema, withheldReasons, withheldReasonSchema } from './common.ts';

/** How much of a reply may be published. */
export const disclosures = ['public', 'summary', 'withheld', 'pending'] as const;
export const disclosureSchema = z.enum(disclosures);
export type Disclosure = z.infer<typeof disclosureSchema>;

/** Frontmatter of `proposals/<session>/<number>/<unit>.mdx`: one unit's reply. */
export const replySchema = z
  .strictObject({
    /** The reply's document number (文号), e.g. 深发改函〔2021〕123号. */
    docNo: z.string().min(1).optional(),
    /** A solved, B being solved, C cannot be solved for now, D kept for reference. */
    category: categorySchema,
    /** The day the unit replied. */
    repliedOn: dateSchema,
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
    feedback: z.enum(['satisfied', 'basically-satisfied', 'unsatisfied']).optional(),
  })
  .superRefine(
    (r, ctx) => {
      // These run even when another field is wrong (`when` below), so an editor sees every problem at once:
      // each comparison only when the dates it compares are themselves valid.
      const date = (v: unknown): v is string => typeof v === 'string' && isCalendarDate(v);
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
