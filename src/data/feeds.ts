/** The Atom feeds, built from the published corpus with src/lib/feeds.ts. */
import { atomFeed, correctionFeedEntries, replyFeedEntries, type FeedLookups } from '../lib/feeds.ts';
import { siteData } from './site-data.ts';

async function lookups(): Promise<FeedLookups> {
  const data = await siteData();
  return {
    siteUrl: import.meta.env.SITE.replace(/\/$/, ''),
    proposals: new Map([...data.proposalEntries].map(([id, e]) => [id, e.data])),
    units: data.units,
    topics: data.topics,
  };
}

const xml = (body: string) =>
  new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });

/** `feed` is the feed's path; `page` the HTML page it mirrors. */
export async function feedResponse(
  kind: { type: 'replies' } | { type: 'unit'; unit: string } | { type: 'corrections' },
) {
  const data = await siteData();
  const l = await lookups();
  const abs = (path: string) => `${l.siteUrl}${path}`;
  const common = { updated: data.site.buildDate };
  if (kind.type === 'corrections') {
    return xml(
      atomFeed({
        ...common,
        id: abs('/feeds/corrections.xml'),
        title: `${data.site.title}：答复更正`,
        selfUrl: abs('/feeds/corrections.xml'),
        alternateUrl: abs('/corrections/'),
        entries: correctionFeedEntries(data.replies, l),
      }),
    );
  }
  if (kind.type === 'unit') {
    const unit = data.units.get(kind.unit)!;
    const path = `/feeds/units/${unit.id}.xml`;
    return xml(
      atomFeed({
        ...common,
        id: abs(path),
        title: `${data.site.title}：${unit.name}的答复`,
        selfUrl: abs(path),
        alternateUrl: abs(`/units/${unit.id}/`),
        entries: replyFeedEntries(data.repliesByUnit.get(unit.id) ?? [], l, 50, data.replies),
      }),
    );
  }
  return xml(
    atomFeed({
      ...common,
      id: abs('/feeds/replies.xml'),
      title: `${data.site.title}：新公开的答复`,
      subtitle: data.site.description,
      selfUrl: abs('/feeds/replies.xml'),
      alternateUrl: abs('/'),
      entries: replyFeedEntries(data.replies, l),
    }),
  );
}
