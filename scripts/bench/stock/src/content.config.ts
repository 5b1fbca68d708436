import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { resolve } from 'node:path';

const base = resolve(process.env.CONTENT_DIR || 'content', 'proposals');
const loose = z.looseObject({});

export const collections = {
  proposals: defineCollection({ loader: glob({ pattern: '**/index.mdx', base }), schema: loose }),
  replies: defineCollection({ loader: glob({ pattern: ['**/[!_]*.mdx', '!**/index.mdx'], base }), schema: loose }),
};
