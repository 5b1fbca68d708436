/** `/feeds/commitments-overdue.xml`: commitments of published replies that became overdue (Atom). */
import type { APIRoute } from 'astro';
import { accountability, siteData } from '../../site/data.ts';
import { atomHeaders, overdueFeed } from '../../site/feeds.ts';

export const GET: APIRoute = async () =>
  new Response(overdueFeed(await siteData(), await accountability()), { headers: atomHeaders });
