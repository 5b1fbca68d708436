/**
 * The Atom feeds as XML strings, built from the published corpus with
 * src/lib/feeds.ts; each route under src/pages/feeds/ serves one.
 */
import { overdueFeedEntries } from '../lib/accountability/feeds.ts';
import { formatDateZh } from '../lib/dates.ts';
import { atomFeed, type Feed } from '../lib/atom.ts';
import { correctionFeedEntries, correctionItems, replyFeedEntries, type FeedLookups } from '../lib/feeds.ts';
import { proposerFeedUrl, proposerUrl, unitFeedUrl, unitUrl } from '../lib/urls.ts';
import type { Accountability } from './accountability.ts';
import { absolute, type Corpus } from './corpus.ts';

/** The content type of every feed. */
export const atomHeaders = { 'content-type': 'application/atom+xml; charset=utf-8' };

const lookups = (data: Corpus): FeedLookups => ({
  siteUrl: data.siteUrl,
  proposals: data.proposals,
  units: data.units,
  topics: data.topics,
  html: (id) => data.replyEntries.get(id)?.rendered?.html,
});

/** A feed at `path` mirroring the page at `page`, titled `<site>：<title>`. */
function feed(data: Corpus, path: string, page: string, title: string, rest: Pick<Feed, 'entries'> & Partial<Feed>) {
  return atomFeed({
    id: absolute(data, path),
    title: `${data.site.title}：${title}`,
    selfUrl: absolute(data, path),
    alternateUrl: absolute(data, page),
    updated: data.site.buildDate,
    ...rest,
  });
}

/** `/feeds/replies.xml`: newly published replies. */
export const repliesFeed = (data: Corpus) =>
  feed(data, '/feeds/replies.xml', '/', '新公开的答复', {
    subtitle: data.site.description,
    entries: replyFeedEntries(data.replies, lookups(data)),
  });

/** `/feeds/corrections.xml`: corrections of published replies. */
export const correctionsFeed = (data: Corpus) =>
  feed(data, '/feeds/corrections.xml', '/corrections/', '答复更正', {
    entries: correctionFeedEntries(data.replies, lookups(data)),
  });

/** `/feeds/units/<id>.xml`: one unit's newly published replies. */
export function unitFeed(data: Corpus, id: string) {
  const unit = data.units.get(id)!;
  return feed(data, unitFeedUrl(unit.id), unitUrl(unit.id), `${unit.name}的答复`, {
    entries: replyFeedEntries(data.repliesByUnit.get(unit.id) ?? [], lookups(data), 50, data.replies),
  });
}

/** `/feeds/proposers/<id>.xml`: replies newly published to one proposer's proposals. */
export function proposerFeed(data: Corpus, a: Accountability, id: string) {
  const p = a.proposersById.get(id)!;
  const replies = p.proposals.flatMap((pid) => data.repliesByProposal.get(pid) ?? []);
  return feed(data, proposerFeedUrl(p.id), proposerUrl(p.id), `${p.name}所提提案的答复`, {
    entries: replyFeedEntries(replies, lookups(data)),
  });
}

/** `/feeds/commitments-overdue.xml`: commitments of published replies that became overdue. */
export const overdueFeed = (data: Corpus, a: Accountability) =>
  feed(data, '/feeds/commitments-overdue.xml', '/commitments/#overdue', '逾期未完成的承诺', {
    entries: overdueFeedEntries(a.commitments, lookups(data)),
  });

/** `/corrections/`: the corrections of the corrections feed, in the same order, all of them, each note whole. */
export const correctionsPage = (data: Corpus) =>
  correctionItems(data.replies, lookups(data)).map((c) => ({
    href: new URL(c.url).pathname,
    title: c.title,
    on: c.on,
    onZh: formatDateZh(c.on),
    note: c.note,
  }));
