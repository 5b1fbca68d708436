/** `/feeds/proposers/<id>.xml`: replies newly published to one proposer's proposals (Atom). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../data/site-data.ts';
import { accountability } from '../../../data/accountability.ts';
import { atomFeed, replyFeedEntries } from '../../../lib/feeds.ts';
import { proposerFeedUrl, proposerUrl } from '../../../lib/urls.ts';

export const getStaticPaths = (async () => {
  const { proposers } = await accountability();
  return proposers.map((p) => ({ params: { id: p.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const p = (await accountability()).proposersById.get(params.id!)!;
  const siteUrl = import.meta.env.SITE.replace(/\/$/, '');
  const replies = p.proposals.flatMap((id) => data.repliesByProposal.get(id) ?? []);
  const lookups = {
    siteUrl,
    proposals: new Map([...data.proposalEntries].map(([id, e]) => [id, e.data])),
    units: data.units,
    topics: data.topics,
  };
  const body = atomFeed({
    id: `${siteUrl}${proposerFeedUrl(p.id)}`,
    title: `${data.site.title}：${p.name}所提提案的答复`,
    selfUrl: `${siteUrl}${proposerFeedUrl(p.id)}`,
    alternateUrl: `${siteUrl}${proposerUrl(p.id)}`,
    updated: data.site.buildDate,
    entries: replyFeedEntries(replies, lookups),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
