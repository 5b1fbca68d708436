/** A checked body rendered to HTML: the components as elements, every top-level block numbered for citation. */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type State } from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import { redactedText } from '../redaction.ts';
import { isSignatureParagraph } from './components.ts';
import { dropUnsafeUrls } from './urls.ts';

function attr(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string {
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : '';
}

function component(state: State, node: MdxJsxFlowElement | MdxJsxTextElement): Element {
  const flow = node.type === 'mdxJsxFlowElement';
  switch (node.name) {
    case 'Aside':
      return {
        type: 'element',
        tagName: flow ? 'aside' : 'span',
        properties: { className: ['note'], role: 'note' },
        children: [
          {
            type: 'element',
            tagName: flow ? 'p' : 'strong',
            properties: { className: ['note-label'] },
            children: [{ type: 'text', value: '说明' }],
          },
          ...state.all(node),
        ],
      };
    case 'Redacted': {
      const reason = attr(node, 'reason');
      return {
        type: 'element',
        tagName: flow ? 'p' : 'span',
        properties: { className: ['redacted'], dataReason: reason },
        children: [{ type: 'text', value: redactedText(reason) }],
      };
    }
    case 'Signature':
      return {
        type: 'element',
        tagName: 'div',
        // Not a citable paragraph (no pN, no ¶), and not searched: the unit and date are the page's metadata.
        // Always a block: a one-line 落款 reaches here as one (renderBody), and the check refuses one inside a sentence.
        properties: { className: ['signature'], dataPagefindIgnore: '' },
        children: lineBreaks(state.all(node)),
      };
    default: {
      const href = attr(node, 'href');
      if (!href) {
        const note: Element = {
          type: 'element',
          tagName: 'span',
          properties: { className: ['attachment', 'attachment-missing'] },
          children: [{ type: 'text', value: `附件：${attr(node, 'title')}（本站未收录附件文件）` }],
        };
        return flow
          ? { type: 'element', tagName: 'p', properties: { className: ['attachment-line'] }, children: [note] }
          : note;
      }
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['attachment'], href },
        children: [{ type: 'text', value: `附件：${attr(node, 'title')}` }],
      };
      return flow
        ? { type: 'element', tagName: 'p', properties: { className: ['attachment-line'] }, children: [link] }
        : link;
    }
  }
}

/**
 * The lines of a 落款 as written, one per source line: soft line breaks inside
 * its paragraphs become `<br>` (Markdown would join them into one line).
 */
function lineBreaks(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((n) => {
    if (n.type === 'text' && n.value.includes('\n')) {
      const parts = n.value.split(/\n/);
      return {
        type: 'element',
        tagName: 'span',
        properties: {},
        children: parts.flatMap((value, i): ElementContent[] =>
          i === 0
            ? [{ type: 'text', value }]
            : [
                { type: 'element', tagName: 'br', properties: {}, children: [] },
                { type: 'text', value },
              ],
        ),
      } satisfies Element;
    }
    if (n.type === 'element') return { ...n, children: lineBreaks(n.children) };
    return n;
  });
}

/** Top-level blocks that get a paragraph number: the units a citation points to. */
const numbered = new Set(['p', 'ul', 'ol', 'table', 'blockquote', 'aside', 'pre']);

/**
 * Render a checked tree to HTML. Every top-level block is wrapped in
 * `<div class="para" id="pN">` with a ¶ link to itself, so a reply can be
 * cited by paragraph (`…/fgw/#p3`).
 */
export function renderBody(tree: Root): string {
  // A paragraph that is only `<Signature>…</Signature>` on one line is the same 落款 as the block form.
  const children = tree.children.map((c): RootContent => {
    if (!isSignatureParagraph(c)) return c;
    const sig = c.children.find((x) => x.type === 'mdxJsxTextElement')!;
    return { ...sig, type: 'mdxJsxFlowElement', children: [{ type: 'paragraph', children: sig.children }] };
  });
  const hast = toHast(
    { ...tree, children },
    {
      handlers: { mdxJsxFlowElement: component, mdxJsxTextElement: component },
    },
  ) as HastRoot;
  // Defence in depth: the check has already refused unsafe addresses; should it ever
  // be bypassed, the renderer still writes none.
  visit(hast, 'element', dropUnsafeUrls);
  let n = 0;
  hast.children = hast.children.map((child) => {
    if (child.type !== 'element' || !numbered.has(child.tagName)) return child;
    n += 1;
    const id = `p${n}`;
    const mark: Element = {
      type: 'element',
      tagName: 'a',
      properties: { className: ['pilcrow'], href: `#${id}`, ariaLabel: `第 ${n} 段` },
      children: [{ type: 'text', value: '¶' }],
    };
    return { type: 'element', tagName: 'div', properties: { className: ['para'], id }, children: [mark, child] };
  });
  return toHtml(hast);
}

/**
 * The same HTML with its paragraph anchors renamed `<prefix>-pN`, for pages
 * that show several replies at once (ids must stay unique), the ¶ links
 * pointing to the paragraph on the reply's own page.
 */
export function prefixAnchors(html: string, prefix: string, replyUrl: string): string {
  return html
    .replace(/<div class="para" id="p(\d+)">/g, `<div class="para" id="${prefix}-p$1">`)
    .replace(/<a class="pilcrow" href="#p(\d+)"/g, `<a class="pilcrow" href="${replyUrl}#p$1"`);
}
