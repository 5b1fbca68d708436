// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL || 'https://replies.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx()],
});
