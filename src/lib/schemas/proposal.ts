import { z } from 'zod';
import { dateSchema, idSchema } from './common.ts';

/** How a unit takes part in answering a proposal. */
export const roles = ['lead', 'co', 'split'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** One unit a proposal is handed to. */
export const assignmentSchema = z.strictObject({
  /** The unit's id in `units.yaml`. */
  unit: idSchema,
  /** lead 主办, co 协办/会办, split 分办. */
  role: roleSchema,
});

/** Frontmatter of `proposals/<session>/<number>/index.mdx`. */
export const proposalSchema = z.strictObject({
  /** The proposal number (提案号): digits, quoted; must match the folder name. */
  number: z.string().regex(/^\d+$/, { message: '应为带引号的数字串，例如 "20210001"' }),
  /** The proposal's title, e.g. 关于…的提案. */
  title: z.string().min(1),
  /** Filed at the plenary or between sessions. */
  kind: z.enum(['plenary', 'between-sessions']),
  /** Who filed it: ids in `proposers.yaml`, first proposer first. */
  proposers: z.array(idSchema).min(1),
  /** The day it was filed, if known. */
  filedOn: dateSchema.optional(),
  /** Subjects: ids in `topics.yaml`. */
  topics: z.array(idSchema).min(1),
  /** The units that must reply, each with its role. */
  units: z.array(assignmentSchema).min(1),
  /** A key proposal (重点提案), supervised by a named city leader. */
  key: z
    .strictObject({
      /** The leader who supervises it (领衔督办). */
      supervisor: z.string().min(1),
      /** The leader's title, e.g. 市长. */
      supervisorTitle: z.string().min(1).optional(),
    })
    .optional(),
});
export type ProposalFrontmatter = z.infer<typeof proposalSchema>;
