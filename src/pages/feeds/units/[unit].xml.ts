/** `/feeds/units/<id>.xml`: one unit's newly published replies (Atom). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../site/data.ts';
import { atomHeaders, unitFeed } from '../../../site/feeds.ts';

export const getStaticPaths = (async () => {
  const { units } = await siteData();
  return [...units.keys()].map((unit) => ({ params: { unit } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(unitFeed(await siteData(), params.unit!), { headers: atomHeaders });
