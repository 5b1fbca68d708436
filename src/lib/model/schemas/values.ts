/**
 * The fixed value lists of the content model, with no schema library: the search page's script
 * imports them in the browser, where zod would add about 65 KB (common.ts builds the schemas on them).
 */

/** Why a reply or passage is not disclosed. */
export const withheldReasons = ['state-secret', 'work-secret', 'privacy', 'sensitive', 'other'] as const;

/** Outcome categories of a reply, as graded by the unit that answers. */
export const categories = ['A', 'B', 'C', 'D'] as const;
