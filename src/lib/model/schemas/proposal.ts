import { z } from 'zod';
import { dateSchema, idSchema, notPersonalSchema } from './common.ts';

/** How a unit takes part in answering a proposal. */
export const roles = ['lead', 'co', 'split'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** A proposal number (提案号) as printed: letters, digits and hyphens, at most 20 characters. */
export const proposalNumberPattern = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,18}[0-9A-Za-z])?$/;

/** Filed at the plenary or between sessions. */
export const proposalKinds = ['plenary', 'between-sessions'] as const;
export type ProposalKind = (typeof proposalKinds)[number];

/** One unit a proposal is handed to. */
export const assignmentSchema = z.strictObject({
  /** The unit's id in `units.yaml`. */
  unit: idSchema,
  /** lead 主办, co 协办/会办, split 分办. */
  role: roleSchema,
});

/** Frontmatter of `proposals/<session>/<number>/index.mdx`. */
export const proposalSchema = z.strictObject({
  /**
   * The proposal number (提案号) as printed: letters, digits and hyphens, at most 20
   * characters (20210001, 2025D048, 2-26), quoted; must match the folder name.
   */
  number: z.string().regex(proposalNumberPattern, {
    message: '应为带引号的提案号：字母、数字和连字符，最多 20 个字符，例如 "20210001"、"2025D048"、"2-26"',
  }),
  /** The proposal's title, e.g. 关于…的提案. */
  title: z.string().min(1),
  /** Filed at the plenary or between sessions. */
  kind: z.enum(proposalKinds),
  /** Who filed it: ids in `proposers.yaml`, first proposer first, as many as the source names. */
  proposers: z.array(idSchema).min(1),
  /** The source says 等 after the names (马青、周丽等委员): more proposers than are named. */
  andOthers: z.boolean().optional(),
  /** The day it was filed, if known. */
  filedOn: dateSchema.optional(),
  /** Subjects: ids in `topics.yaml`. */
  topics: z.array(idSchema).min(1),
  /** The units that must reply, each with its role. */
  units: z.array(assignmentSchema).min(1),
  /** A key proposal (重点提案), supervised by a city leader; `key: {}` when the leader is not named. */
  key: z
    .strictObject({
      /** The leader who supervises it (领衔督办), when named. */
      supervisor: z.string().min(1).optional(),
      /** The leader's title, e.g. 市长. */
      supervisorTitle: z.string().min(1).optional(),
    })
    .optional(),
  /** Strings in this record an editor has checked and knows to be public (skipped by the personal-data check). */
  notPersonal: notPersonalSchema,
});
export type ProposalFrontmatter = z.infer<typeof proposalSchema>;
