// @ts-check
// The baseline for docs/benchmarks.md: the same sample corpus built with the
// stock @astrojs/mdx glob loader (each record compiled and run as MDX).
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  integrations: [mdx()],
});
