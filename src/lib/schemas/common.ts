import { z } from 'zod';
import { isCalendarDate } from '../dates.ts';

/** Ids are lowercase letters, digits and hyphens: they become addresses. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '只能使用小写字母、数字和连字符（-）' });

/** A calendar date written `YYYY-MM-DD`, kept as a string so no time zone shifts it. */
export const dateSchema = z.string().refine(isCalendarDate, {
  message: '应为真实存在的日期，格式为 YYYY-MM-DD',
});

/** Why a reply or passage is not disclosed. */
export const withheldReasons = ['state-secret', 'work-secret', 'privacy', 'sensitive', 'other'] as const;
export const withheldReasonSchema = z.enum(withheldReasons);
export type WithheldReason = z.infer<typeof withheldReasonSchema>;

/** Outcome categories of a reply, as graded by the unit that answers. */
export const categories = ['A', 'B', 'C', 'D'] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;
