/** `/feeds/corrections.xml`: corrections of published replies (Atom). */
import type { APIRoute } from 'astro';
import { siteData } from '../../site/data.ts';
import { atomHeaders, correctionsFeed } from '../../site/feeds.ts';

export const GET: APIRoute = async () => new Response(correctionsFeed(await siteData()), { headers: atomHeaders });
