import { z } from 'zod';
import { categories, dateSchema } from './common.ts';

const count = z.int().nonnegative();

/** Where the official figures were published. */
export const sourceSchema = z.strictObject({
  /** The document's title. */
  title: z.string().min(1),
  /** The day it was published. */
  publishedOn: dateSchema,
  /** Its address, when it is online. */
  url: z.url({ protocol: /^https?$/ }).optional(),
});

/** Figures the government published for a session, reproduced as published: each one optional. */
export const officialSchema = z
  .strictObject({
    /** The publication the figures come from. */
    source: sourceSchema,
    /** Proposals received (收到提案). */
    received: count.optional(),
    /** Of those, filed at the plenary (大会提案). */
    plenary: count.optional(),
    /** Of those, filed between sessions (平时提案). */
    betweenSessions: count.optional(),
    /** Proposals registered (立案). */
    registered: count.optional(),
    /** Registered proposals handed to government units (交付政府系统办理). */
    toGovernment: count.optional(),
    /** Replies due: a split proposal is answered by several units (应有答复). */
    repliesDue: count.optional(),
    /** Replies by category: all four, or absent. */
    categories: z
      .strictObject(
        Object.fromEntries(categories.map((c) => [c, count])) as Record<(typeof categories)[number], typeof count>,
      )
      .optional(),
  })
  // Governments often publish only some figures: each check runs only when all its figures are present.
  .superRefine((o, ctx) => {
    if (
      o.plenary !== undefined &&
      o.betweenSessions !== undefined &&
      o.received !== undefined &&
      o.plenary + o.betweenSessions !== o.received
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['received'],
        message: `应等于 plenary + betweenSessions（${o.plenary} + ${o.betweenSessions} = ${o.plenary + o.betweenSessions}），实际为 ${o.received}`,
      });
    }
    if (o.registered !== undefined && o.received !== undefined && o.registered > o.received) {
      ctx.addIssue({
        code: 'custom',
        path: ['registered'],
        message: `不能大于 received（${o.received}），实际为 ${o.registered}`,
      });
    }
    if (o.toGovernment !== undefined && o.registered !== undefined && o.toGovernment > o.registered) {
      ctx.addIssue({
        code: 'custom',
        path: ['toGovernment'],
        message: `不能大于 registered（${o.registered}），实际为 ${o.toGovernment}`,
      });
    }
    if (!o.categories || o.repliesDue === undefined) return;
    const byCategory = o.categories;
    const sum = categories.reduce((s, c) => s + byCategory[c], 0);
    if (sum !== o.repliesDue) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: `A+B+C+D 应等于 repliesDue（${o.repliesDue}），实际为 ${sum}`,
      });
    }
  });

/** `sessions/<id>.yaml`: one meeting of the CPPCC, id `<term>-<meeting>`. */
export const sessionSchema = z.strictObject({
  /** `<term>-<meeting>`, e.g. `7-1`; must match the file name. */
  id: z.string().regex(/^[1-9]\d*-[1-9]\d*$/, { message: '应为 “届-次”，例如 "7-1"' }),
  /** The meeting's name, e.g. 市政协七届一次会议. */
  name: z.string().min(1),
  /** Figures the government published for this session, if any. */
  official: officialSchema.optional(),
});
export type Session = z.infer<typeof sessionSchema>;
export type Official = z.infer<typeof officialSchema>;
