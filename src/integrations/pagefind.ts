/**
 * Builds the Pagefind index once the site is written, with Pagefind's Node
 * API and its extended binary (Chinese word segmentation). Every response is
 * checked: an error fails the build. Only elements marked
 * `data-pagefind-body` are indexed — the text of each published reply page
 * and each proposal's own summary — so navigation, listings and the ledger
 * never become search records, and nothing the disclosure gate held back is
 * on any page to be indexed.
 *
 * One index per session (Pagefind's multisite support): the pages under
 * /proposals/<session>/ go to the bundle /pagefind/<session>/, each built by a
 * fresh indexer process that is closed before the next session, so the
 * indexer's memory grows with the largest session, not with the corpus. The
 * search page merges the bundles with Pagefind's `mergeIndex`.
 *
 * Incremental: a session whose pages did not change byte for byte reuses the
 * bundle it wrote last time, kept in Astro's cache directory under a digest
 * of the pages, the Pagefind version and the index options. Pagefind's output
 * is a function of its input, so a reused bundle is the bundle a clean build
 * writes (test/e2e/incremental.test.ts compares the trees). It is hard-linked
 * into the output (src/integrations/hard-links.ts).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { placeTree } from './hard-links.ts';

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind ${step} failed:\n${response.errors.join('\n')}`);
  return response;
}

export const indexOptions = {
  forceLanguage: 'zh',
  // Only the reply's or the summary's own text is indexed, so excerpts are never cut from
  // headers or metadata lists: not the title block (title, unit, number, proposers and topics
  // are weighted metadata instead), the metadata list, notices, headings or the ¶ links.
  excludeSelectors: ['.record-head', 'dl.meta', '.record-heading', '.summary-note', '.correction-notice', '.pilcrow'],
};

/** The directories under /proposals/ (the sessions, and listing pages such as /proposals/filter/). */
export function sessionsIn(site: string): string[] {
  const root = join(site, 'proposals');
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/**
 * A digest of everything a session's bundle is made from: its pages, Pagefind's
 * version and the index options; undefined when no page there has a search record.
 */
export function sessionDigest(site: string, session: string, pagefindVersion: string): string | undefined {
  const hash = createHash('sha256').update(`${pagefindVersion}\0${JSON.stringify(indexOptions)}\0`);
  const root = join(site, 'proposals', session);
  const files = readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'))
    .sort();
  let records = 0;
  for (const f of files) {
    const page = readFileSync(join(root, f));
    if (page.includes('data-pagefind-body')) records++;
    hash.update(`${f}\0`).update(page).update('\0');
  }
  return records ? hash.digest('hex').slice(0, 32) : undefined;
}

export default function pagefind(): AstroIntegration {
  let cacheRoot = '';
  let root: URL;
  return {
    name: 'open-replies:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheRoot = join(fileURLToPath(config.cacheDir), 'pagefind');
        root = config.root;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const { version } = JSON.parse(readFileSync(new URL('node_modules/pagefind/package.json', root), 'utf8')) as {
          version: string;
        };
        const site = fileURLToPath(dir);
        const started = performance.now();
        let pages = 0;
        let reused = 0;
        let sessions = 0;
        for (const session of sessionsIn(site)) {
          const digest = sessionDigest(site, session, version);
          if (!digest) continue;
          sessions++;
          const outputPath = join(site, 'pagefind', session);
          const cached = join(cacheRoot, session, digest);
          if (existsSync(cached)) {
            placeTree(cached, outputPath);
            reused++;
            continue;
          }
          try {
            const { index } = check('createIndex', await createIndex(indexOptions));
            if (!index) throw new Error('Pagefind createIndex returned no index');
            const { page_count } = check(
              'addDirectory',
              await index.addDirectory({ path: site, glob: `proposals/${session}/**/*.html` }),
            );
            pages += page_count;
            check('writeFiles', await index.writeFiles({ outputPath }));
          } finally {
            // A fresh indexer per session: its memory is returned before the next one starts.
            await close();
          }
          // Keep only this digest for the session; copy, then rename, so a half-written copy is never reused.
          rmSync(join(cacheRoot, session), { recursive: true, force: true });
          mkdirSync(join(cacheRoot, session), { recursive: true });
          cpSync(outputPath, `${cached}.tmp`, { recursive: true });
          renameSync(`${cached}.tmp`, cached);
        }
        logger.info(
          `indexed ${pages} records of ${sessions - reused} sessions, reused ${reused} sessions' indexes, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
}
