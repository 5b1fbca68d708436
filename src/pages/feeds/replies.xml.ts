/** `/feeds/replies.xml`: newly published replies (Atom). */
import type { APIRoute } from 'astro';
import { siteData } from '../../site/data.ts';
import { atomHeaders, repliesFeed } from '../../site/feeds.ts';

export const GET: APIRoute = async () => new Response(repliesFeed(await siteData()), { headers: atomHeaders });
