import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { siteData } from '../../../data/site-data.ts';

export const getStaticPaths = (async () => {
  const { units } = await siteData();
  return [...units.keys()].map((unit) => ({ params: { unit } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => feedResponse({ type: 'unit', unit: params.unit! });
