import { expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import type { PublishedEntryData } from '../src/lib/disclosure.ts';
import { formatProblem } from '../src/lib/model/problems.ts';

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

/** Exactly one problem, matching `expected` (file, line, column, field, message), and no corpus: nothing is published. */
export function expectOnlyProblem(files: Map<string, string>, expected: RegExp): void {
  const lines = problemLines(files);
  expect(lines, lines.join('\n')).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
  expect(checkCorpus(files).corpus).toBeUndefined();
}

export const REPLY = 'proposals/7-1/20210001/gaj.mdx';
export const PROPOSAL = 'proposals/7-1/20210001/index.mdx';

/** A reply file with the given frontmatter lines and body. */
export function reply(frontmatter: string, body = '\n正文。\n'): string {
  return `---\n${frontmatter.trim()}\n---\n${body}`;
}

/** The report's figures for the 7th CPPCC's first session, as `official` holds them. */
export const reportOfficial = {
  received: 739,
  plenary: 714,
  betweenSessions: 25,
  registered: 579,
  toGovernment: 567,
  repliesDue: 616,
  categories: { A: 461, B: 119, C: 32, D: 4 },
};

/** A published reply of the gate's output (市司法局's answer to 20210009), for citation and export tests. */
export function publishedReply(overrides: Partial<PublishedEntryData> = {}): PublishedEntryData {
  return {
    id: '7-1/20210009/sfj',
    session: '7-1',
    number: '20210009',
    unit: 'sfj',
    proposal: '7-1/20210009',
    state: 'published',
    disclosure: 'public',
    category: 'A',
    repliedOn: '2021-09-22',
    publishedOn: '2021-09-27',
    docNo: '深司函〔2021〕12号',
    signedBy: '张三',
    corrections: [{ on: '2021-10-08', note: '更正第二段数据' }],
    commitments: [],
    feedback: 'satisfied',
    body: '市政协社会法制和民族宗教委员会：\n\n贵委提出的提案收悉。\n\n一、关于促进青年律师发展。\n',
    ...overrides,
  };
}
