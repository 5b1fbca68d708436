/** `/feeds/commitments-overdue.xml`: commitments of published replies that became overdue (Atom). */
import type { APIRoute } from 'astro';
import { siteData } from '../../data/site-data.ts';
import { accountability } from '../../data/accountability.ts';
import { overdueFeedEntries } from '../../lib/accountability/feeds.ts';
import { atomFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  const { commitments } = await accountability();
  const siteUrl = import.meta.env.SITE.replace(/\/$/, '');
  const lookups = {
    siteUrl,
    proposals: new Map([...data.proposalEntries].map(([id, e]) => [id, e.data])),
    units: data.units,
  };
  const body = atomFeed({
    id: `${siteUrl}/feeds/commitments-overdue.xml`,
    title: `${data.site.title}：逾期未完成的承诺`,
    selfUrl: `${siteUrl}/feeds/commitments-overdue.xml`,
    alternateUrl: `${siteUrl}/commitments/#overdue`,
    updated: data.site.buildDate,
    entries: overdueFeedEntries(commitments, lookups),
  });
  return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
