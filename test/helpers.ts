import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkCorpus } from '../src/lib/corpus.ts';
import { formatProblem } from '../src/lib/problems.ts';

export const fixturesDir = join(import.meta.dirname, 'fixtures');

/** A fixture content root as `relative path → text`. */
export function fixtureFiles(name = 'leak'): Map<string, string> {
  const root = join(fixturesDir, name);
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  return new Map(files.sort().map((p) => [p, readFileSync(join(root, p), 'utf8')]));
}

/** The fixture root with some files replaced (or removed, with `null`). */
export function withFiles(changes: Record<string, string | null>, base = fixtureFiles()): Map<string, string> {
  const files = new Map(base);
  for (const [path, text] of Object.entries(changes)) {
    if (text === null) files.delete(path);
    else files.set(path, text);
  }
  return files;
}

/** Every problem of a root, formatted as `npm run validate` prints it. */
export function problemLines(files: Map<string, string>): string[] {
  return checkCorpus(files).problems.map(formatProblem);
}

export const REPLY = 'proposals/7-1/20210001/gaj.mdx';
export const PROPOSAL = 'proposals/7-1/20210001/index.mdx';

/** A reply file with the given frontmatter lines and body. */
export function reply(frontmatter: string, body = '\n正文。\n'): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}
