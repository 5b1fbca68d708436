import { z } from 'zod';
import { isCalendarDate, normalizeDate } from '../../dates.ts';
import { categories, withheldReasons } from './values.ts';

export { categories, withheldReasons };

/** Ids are lowercase letters, digits and hyphens: they become addresses. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '只能使用小写字母、数字和连字符（-）' });

/**
 * A calendar date written `YYYY-MM-DD` or as documents print it (`2021年6月30日`),
 * stored as `YYYY-MM-DD`: a string, so no time zone shifts it.
 */
export const dateSchema = z
  .string()
  .transform(normalizeDate)
  .refine(isCalendarDate, { message: '应为真实存在的日期，格式为 YYYY-MM-DD 或 2021年6月30日' });

export const withheldReasonSchema = z.enum(withheldReasons);
export type WithheldReason = z.infer<typeof withheldReasonSchema>;

export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/**
 * Strings of a record an editor has checked and knows to be public — a unit's
 * hotline that looks like a mobile number, its public e-mail address — which
 * the personal-data check then skips.
 */
export const notPersonalSchema = z.array(z.string().min(1)).optional();
