/** `/feeds/proposers/<id>.xml`: replies newly published to one proposer's proposals (Atom). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { accountability, siteData } from '../../../site/data.ts';
import { atomHeaders, proposerFeed } from '../../../site/feeds.ts';

export const getStaticPaths = (async () => {
  const { proposers } = await accountability();
  return proposers.map((p) => ({ params: { id: p.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(proposerFeed(await siteData(), await accountability(), params.id!), { headers: atomHeaders });
