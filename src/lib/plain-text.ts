/**
 * The plain text of a record's body, for the downloads and the feeds: what a
 * reader sees on the page, in words, with a line break between paragraphs. It is taken from
 * the rendered HTML (the one renderer, src/lib/model/dialect/), so a redaction
 * reads as its visible words (［此处内容已删除：涉及个人隐私］), an aside keeps its
 * 说明： label and an attachment its 附件：title, with no tag in sight.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { parseBody, renderBody } from './model/dialect/index.ts';

const hasClass = (node: Nodes, name: string) =>
  node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes(name);

/**
 * Drops the ¶ links the renderer puts before every paragraph (navigation, not
 * text) and gives an aside's 说明 label its colon, which the page shows by layout.
 */
function tidy(node: Nodes): void {
  if (!('children' in node)) return;
  node.children = (node.children as Nodes[]).filter((c) => !hasClass(c, 'pilcrow')) as typeof node.children;
  if (hasClass(node, 'note-label')) (node as Element).children.push({ type: 'text', value: '：' });
  for (const c of node.children) tidy(c);
}

/**
 * The plain text of rendered body HTML: the `innerText` of the page's
 * paragraphs (hast-util-to-text), ¶ marks removed, each line trimmed, blank
 * lines between blocks collapsed to one line break, no leading or trailing
 * whitespace.
 */
export function textFromHtml(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tidy(tree);
  return toText(tree)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The plain text of a body written in the dialect: rendered as the page renders it, then read as text. */
export function textFromMarkdown(markdown: string): string {
  const { tree } = parseBody('body', markdown, 1);
  // A body that does not parse never passes the checks before the gate; it yields no text rather than raw markup.
  return tree ? textFromHtml(renderBody(tree)) : '';
}

/** The same text on one line, for a feed's summary. */
export function plainText(markdown: string): string {
  return oneLine(textFromMarkdown(markdown));
}

/** Text on one line: every run of white space one space, none at either end. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

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
