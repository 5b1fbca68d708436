/** Small hand-written gate output for the chart tests. */
import type { ReplyEntryData } from '../../src/lib/disclosure.ts';
import type { Category, WithheldReason } from '../../src/lib/model/schemas/common.ts';

export { reportOfficial } from '../helpers.ts';

function key(id: string) {
  const [session, number, unit] = id.split('/');
  return { id, session, number, unit, proposal: `${session}/${number}` };
}

/** A published reply `<session>/<number>/<unit>`. */
export function published(
  id: string,
  category: Category,
  repliedOn = '2021-06-30',
  disclosure: 'public' | 'summary' = 'public',
): ReplyEntryData {
  return {
    ...key(id),
    state: 'published',
    disclosure,
    category,
    repliedOn,
    publishedOn: repliedOn,
    corrections: [],
    commitments: [],
    body: '',
  };
}

export function withheld(id: string, category: Category, reason: WithheldReason = 'work-secret'): ReplyEntryData {
  return { ...key(id), state: 'withheld', category, withheldReason: reason };
}

export function unpublished(id: string): ReplyEntryData {
  return { ...key(id), state: 'unpublished' };
}

export const named = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([id, name]) => [id, { name }]));
