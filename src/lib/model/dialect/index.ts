/**
 * The closed MDX dialect of records: Markdown (CommonMark + GFM tables) plus
 * four components, parsed with micromark's MDX extension, checked, and
 * rendered to HTML. MDX from the corpus is never compiled or executed: JSX
 * nodes are data, and only the known components become HTML.
 *
 * Here: parsing, with every problem of a body in one run. Beside it: the
 * components (components.ts), safe addresses and the renderer's guard
 * (urls.ts), parse errors in an editor's words (parse-errors.ts), the rules
 * over a parsed body (check.ts) and the renderer (render.ts).
 */
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfmTable } from 'micromark-extension-gfm-table';
import { mdxjs } from 'micromark-extension-mdxjs';
import { combineExtensions } from 'micromark-util-combine-extensions';
import type { Problem } from '../problems.ts';
import { checkDialect } from './check.ts';
import { explainParseError, type ParseError } from './parse-errors.ts';

export { isSafeUrl } from './urls.ts';
export { prefixAnchors, renderBody } from './render.ts';

/**
 * Built once: creating and combining micromark extensions on every call cost
 * about a third of the parse time of a 10,000-reply corpus.
 */
const parserOptions = {
  extensions: [combineExtensions([mdxjs(), gfmTable()])],
  mdastExtensions: [mdxFromMarkdown(), gfmTableFromMarkdown()],
};

export interface ParsedBody {
  tree?: Root;
  problems: Problem[];
}

/**
 * Parse a record's body. `firstLine` is the file line the body starts on: every
 * position reported — and every line named inside a message — is the file's own,
 * never one counted from the body.
 * A body that does not parse is parsed again without the block that failed,
 * until it parses, so that one run reports every problem of the body.
 */
export function parseBody(file: string, body: string, firstLine: number): ParsedBody {
  // Parsed as it is and every position moved by `firstLine - 1`: blank lines put before the
  // body would make the parser's positions the file's own, but cost 15 % more parse time.
  const offset = firstLine - 1;
  const at = (line: number | undefined, column: number | undefined) => ({
    file,
    line: (line ?? 1) + offset,
    column: column ?? 1,
  });
  let text = body;
  // Lines are split only when a body fails to parse: most bodies parse at the first attempt.
  let lines: string[] | undefined;
  const problems: Problem[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    let tree: Root;
    try {
      tree = fromMarkdown(text, parserOptions);
    } catch (error) {
      const failure = explainParseError(error as ParseError, text, offset);
      problems.push({ ...at(failure.line, failure.column), field: 'body', message: failure.message });
      lines ??= text.split('\n');
      if (!blankBlock(lines, failure.line)) break;
      text = lines.join('\n');
      continue;
    }
    problems.push(...checkDialect(tree, at));
    // The tree of a body that parsed as written (dialect problems or not); none for a body with blocks left out.
    return attempt === 0 ? { tree, problems } : { problems };
  }
  return { problems };
}

/** Blank the block (lines between empty lines) around `line`; false when there is nothing left to blank. */
function blankBlock(lines: string[], line: number): boolean {
  // The failing line, or the nearest line with text above it: an error may be reported past its block's end.
  let i = Math.min(line, lines.length) - 1;
  while (i >= 0 && lines[i].trim() === '') i -= 1;
  if (i < 0) return false;
  let start = i;
  while (start > 0 && lines[start - 1].trim() !== '') start -= 1;
  for (let j = start; j < lines.length && lines[j].trim() !== ''; j++) lines[j] = '';
  return true;
}
