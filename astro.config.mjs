// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// CONTENT_DIR (read by the collections' loader) picks the content root; OUT_DIR
// and ASTRO_CACHE_DIR let tests build several roots side by side.
export default defineConfig({
  site: process.env.SITE_URL || 'https://replies.example.org',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx()],
});
