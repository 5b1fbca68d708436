/** A link checker over a built site: every same-site href and src must exist, fragments included. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DeadLink {
  page: string;
  href: string;
}

function target(dist: string, pathname: string): string | undefined {
  const file = join(dist, decodeURIComponent(pathname));
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = join(file, 'index.html');
  return existsSync(index) ? index : undefined;
}

const idsCache = new Map<string, Set<string>>();
function ids(file: string): Set<string> {
  let set = idsCache.get(file);
  if (!set) {
    set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    idsCache.set(file, set);
  }
  return set;
}

export function deadLinks(dist: string): { pages: number; links: number; dead: DeadLink[] } {
  const pages = readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.html'));
  const dead: DeadLink[] = [];
  let links = 0;
  for (const page of pages) {
    const html = readFileSync(join(dist, page), 'utf8');
    const base = new URL(`/${relative(dist, join(dist, page)).replace(/index\.html$/, '')}`, 'http://site');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const raw = m[1].replace(/&amp;/g, '&');
      const url = new URL(raw, base);
      if (url.origin !== 'http://site') continue;
      links++;
      const file = target(dist, url.pathname);
      if (!file || (url.hash && file.endsWith('.html') && !ids(file).has(decodeURIComponent(url.hash.slice(1))))) {
        dead.push({ page, href: raw });
      }
    }
  }
  return { pages: pages.length, links, dead };
}
