/**
 * Atom entries of the accountability feeds, in the shapes of src/lib/feeds.ts:
 * commitments that became overdue. Built only from commitment items, which
 * come only from published replies.
 */
import type { FeedEntry } from '../atom.ts';
import type { FeedLookups } from '../feeds.ts';
import { excerpt } from '../plain-text.ts';
import { formatDateZh } from '../dates.ts';
import { absoluteUrl, commitmentUrl, replyUrl } from '../urls.ts';
import { newlyOverdue, overdueSince, type CommitmentItem } from './commitments.ts';

/**
 * One entry per overdue commitment, the most recently overdue first: `updated`
 * is the day it became overdue (the day after `due`), so a reader's feed shows
 * each commitment once, when it falls due. The id is a `tag:` URI of the reply
 * and the commitment's position.
 */
export function overdueFeedEntries(items: readonly CommitmentItem[], lookups: FeedLookups, limit = 50): FeedEntry[] {
  return newlyOverdue(items, limit).map((c) => {
    const proposal = lookups.proposals.get(c.proposal);
    const unit = lookups.units.get(c.unit);
    if (!proposal || !unit) throw new Error(`生成订阅源时找不到承诺 ${c.id} 的提案或单位`);
    const url = absoluteUrl(lookups.siteUrl, commitmentUrl(c));
    const since = overdueSince(c.due);
    const host = new URL(lookups.siteUrl).hostname;
    return {
      id: `tag:${host},${since}:${replyUrl(c.session, c.number, c.unit)}commitments/${c.n}`,
      title: `逾期 · ${unit.name}：${excerpt(c.text, 60)}`,
      url,
      updated: since,
      published: since,
      summary: excerpt(
        `${unit.name}在答复《${proposal.data.title}》时承诺：${c.text}。期限 ${formatDateZh(c.due)}，至今未标记完成。`,
      ),
      categories: [{ term: 'overdue', label: '逾期承诺' }],
      author: unit.name,
    };
  });
}
