import { z } from 'zod';
import { idSchema } from './common.ts';

/** A city department, a district government, or another body. */
export const unitKinds = ['department', 'district', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** A member, a special committee, a party, a people's organisation, or a sector (界别). */
export const proposerKinds = ['member', 'committee', 'party', 'group', 'sector'] as const;
export type ProposerKind = (typeof proposerKinds)[number];

/** One entry of `units.yaml`: a government unit that replies to proposals. */
export const unitSchema = z.strictObject({
  /** The unit's id: its address `/units/<id>/` and its reply files' name. */
  id: idSchema,
  /** The short name used in lists, e.g. 市发展改革委. */
  name: z.string().min(1),
  /** The full official name, e.g. 深圳市发展和改革委员会. */
  fullName: z.string().min(1).optional(),
  /** A city department, a district government, or another body. */
  kind: z.enum(unitKinds),
});
export type Unit = z.infer<typeof unitSchema>;

/** One entry of `topics.yaml`: a subject proposals are filed under. */
export const topicSchema = z.strictObject({
  /** The topic's id: its address `/topics/<id>/`. */
  id: idSchema,
  /** The topic's name, e.g. 交通出行. */
  name: z.string().min(1),
});
export type Topic = z.infer<typeof topicSchema>;

/** One entry of `proposers.yaml`: who filed a proposal. */
export const proposerSchema = z.strictObject({
  /** The proposer's id, referenced from a proposal's `proposers`. */
  id: idSchema,
  /** The name as published, e.g. 刘丹宁 or 市政协提案委员会. */
  name: z.string().min(1),
  /** A member, a special committee, a party, a people's organisation, or a sector (界别). */
  kind: z.enum(proposerKinds),
  /** The member's sector (界别), where known. */
  sector: z.string().min(1).optional(),
});
export type Proposer = z.infer<typeof proposerSchema>;

export const unitsSchema = z.array(unitSchema);
export const topicsSchema = z.array(topicSchema);
export const proposersSchema = z.array(proposerSchema);
