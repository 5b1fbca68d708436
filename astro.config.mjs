// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import categoryTokens from './src/integrations/category-tokens.ts';
import cspHeader from './src/integrations/csp-header.ts';
import devProblems from './src/integrations/dev-problems.ts';
import lastGate from './src/integrations/last-gate.ts';
import pagefind from './src/integrations/pagefind.ts';
import precompress from './src/integrations/precompress.ts';

// CONTENT_DIR (read by the collections' loader) picks the content root; OUT_DIR
// and ASTRO_CACHE_DIR let tests build several roots side by side.
export default defineConfig({
  site: process.env.SITE_URL || 'https://replies.example.org',
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Four pages in flight at once: the page phase of a 10,000-reply build drops from 29 s to 18 s.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  integrations: [
    mdx(),
    // /search/ is an application, not a document: nothing for a search engine to index.
    sitemap({ filter: (page) => new URL(page).pathname !== '/search/' }),
    pagefind(),
    // Dev server only: while the content has problems, every page shows them.
    devProblems(),
    // The production server's CSP header, read from the built pages (deploy/nginx.conf).
    cspHeader(),
    // Compressed copies of everything written before, the index and sitemap included.
    precompress(),
    // The last gate scans every output file (compressed copies too), so it must stay the last integration.
    lastGate(),
  ],
  // The category colours' CSS custom properties, from the one palette the charts use.
  vite: { plugins: [categoryTokens()] },
  // A record page whose code and cacheKey (src/lib/cache-key.ts) did not change is copied from the
  // last build in the cache directory instead of rendered again; the output is the same bytes.
  experimental: { incrementalBuild: true },
  // Shiki's inline styles would break the CSP; records have no code to highlight.
  markdown: { syntaxHighlight: false },
  security: {
    // A strict policy in every page's <meta>: Astro hashes the scripts and styles it emits;
    // nothing else may run or load from elsewhere.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind's search runs in WebAssembly.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
