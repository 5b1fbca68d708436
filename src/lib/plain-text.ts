/**
 * The plain text of a record's body for feeds: Markdown markup removed,
 * components reduced to what the page shows in words, whitespace collapsed.
 */
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-mdx';
import { parseBody } from './model/dialect/index.ts';
import { redactedText } from './model/redaction.ts';

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'tableRow',
  'blockquote',
  'code',
  'thematicBreak',
]);

function attribute(node: Nodes, name: string): string {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return '';
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : '';
}

function textOf(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      out.push(node.value);
      break;
    case 'break':
      out.push(' ');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'Redacted') {
        out.push(` ${redactedText(attribute(node, 'reason'))} `);
        return;
      }
      if (node.name === 'Attachment') {
        out.push(` 附件：${attribute(node, 'title')} `);
        return;
      }
      break;
    // Expressions, ESM and HTML are not part of the dialect: never copied into text.
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
    case 'html':
      return;
  }
  if ('children' in node) for (const child of node.children) textOf(child, out);
  if (BLOCKS.has(node.type)) out.push(' ');
}

/**
 * The plain text of a record's body: Markdown markup removed, components
 * reduced to what the page shows in words, whitespace collapsed.
 */
export function plainText(markdown: string): string {
  const { tree } = parseBody('body', markdown, 1);
  let text: string;
  if (tree) {
    const out: string[] = [];
    textOf(tree, out);
    text = out.join('');
  } else {
    // A body that does not parse never reaches the gate's output; strip markup crudely all the same.
    text = markdown.replace(/<[^>]*>/g, ' ').replace(/[#>*_`|[\]()~-]+/g, ' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points), cut with `…` when longer. */
export function excerpt(text: string, max = 200): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
