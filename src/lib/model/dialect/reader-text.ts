/**
 * The text a reader reads in a body, block by block: what the personal-data
 * check must also see, because Markdown can keep apart in the source what a
 * page shows joined (`138**1234**5678` is printed as one mobile number).
 */
import type { Nodes, Root } from 'mdast';

export interface ReaderBlock {
  /** The block's text as a page shows it: markup left out, components and line breaks as line ends. */
  text: string;
  /** Where the block starts in the body (1-based, counted from the body's first line). */
  line: number;
  column: number;
}

/** Inline markup whose text runs on into its neighbours' on the page (the dialect has no ~~strikethrough~~). */
const RUNS_ON = new Set(['emphasis', 'strong', 'link', 'linkReference']);

function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (!('children' in node)) return '\n';
  const parts = (node.children as Nodes[]).map(textOf);
  // A paragraph's inline pieces run on; a component (<Redacted />, <Aside>) and every block stand apart.
  return node.type === 'paragraph' || RUNS_ON.has(node.type) ? parts.join('') : `\n${parts.join('\n')}\n`;
}

/** Every top-level block of a parsed body with the text a reader reads in it. */
export function readerBlocks(tree: Root): ReaderBlock[] {
  return tree.children.map((block) => ({
    text: textOf(block),
    line: block.position?.start.line ?? 1,
    column: block.position?.start.column ?? 1,
  }));
}
