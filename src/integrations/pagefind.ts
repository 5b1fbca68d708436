/**
 * Builds the Pagefind index once the site is written, with Pagefind's Node
 * API and its extended binary (Chinese word segmentation). Every response is
 * checked: an error fails the build. Only elements marked
 * `data-pagefind-body` are indexed — the text of each published reply page
 * and each proposal's own summary — so navigation, listings and the ledger
 * never become search records, and nothing the disclosure gate held back is
 * on any page to be indexed.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

export default function pagefind(): AstroIntegration {
  return {
    name: 'open-replies:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index } = check(
            'createIndex',
            await createIndex({
              forceLanguage: 'zh',
              // Only the reply's or the summary's own text is indexed, so excerpts are never cut from
              // headers or metadata lists: not the title block (title, unit, number, proposers and topics
              // are weighted metadata instead), the metadata list, notices, headings or the ¶ links.
              excludeSelectors: [
                '.record-head',
                'dl.meta',
                '.record-heading',
                '.summary-note',
                '.correction-notice',
                '.pilcrow',
              ],
            }),
          );
          if (!index) throw new Error('Pagefind createIndex returned no index');
          const { page_count } = check('addDirectory', await index.addDirectory({ path: site }));
          check('writeFiles', await index.writeFiles({ outputPath: join(site, 'pagefind') }));
          logger.info(`indexed ${page_count} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } finally {
          await close();
        }
      },
    },
  };
}
