import type { APIRoute } from 'astro';
import { feedResponse } from '../../data/feeds.ts';

export const GET: APIRoute = () => feedResponse({ type: 'corrections' });
