/**
 * The closed MDX dialect of records: Markdown (CommonMark + GFM tables) plus
 * four components, parsed with micromark's MDX extension, checked, and
 * rendered to HTML. MDX from the corpus is never compiled or executed: JSX
 * nodes are data, and only the known components become HTML.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast, type State } from 'mdast-util-to-hast';
import { gfmTable } from 'micromark-extension-gfm-table';
import { mdxjs } from 'micromark-extension-mdxjs';
import { combineExtensions } from 'micromark-util-combine-extensions';
import { visit } from 'unist-util-visit';
import { withheldReasonZh } from './labels.ts';
import type { Problem } from './problems.ts';
import { withheldReasons, type WithheldReason } from './schemas/common.ts';

/** The components of the dialect and the attributes each takes. */
const components: Record<string, { required: string[]; optional: string[]; children: boolean }> = {
  Aside: { required: [], optional: [], children: true },
  Redacted: { required: ['reason'], optional: [], children: false },
  // Without `href` the page says the attachment is not published here.
  Attachment: { required: ['title'], optional: ['href'], children: false },
  // The 落款: the unit's name and the date, right-aligned, outside the paragraph numbering.
  Signature: { required: [], optional: [], children: true },
};

/** The components as error messages list them. */
const componentList =
  '<Aside>、<Redacted reason="…" />、<Attachment href="…" title="…" /> 和 <Signature>落款</Signature>';

/**
 * Links may point to the web, to e-mail, or to a relative address; nothing
 * else. The address is read as a browser reads it first — control characters
 * and white space removed, `\` taken as `/` — so `java\tscript:` or
 * `\\evil.example` cannot slip through as "relative".
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').replace(/\\/g, '/');
  if (cleaned.startsWith('//')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return !/^[^/?#]*:/.test(cleaned);
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

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
 * Parse a record's body. `firstLine` is the file line the body starts on, so
 * that every problem names the line in the file, not in the body.
 */
export function parseBody(file: string, body: string, firstLine: number): ParsedBody {
  const at = (line: number | undefined, column: number | undefined) => ({
    file,
    line: (line ?? 1) + firstLine - 1,
    column: column ?? 1,
  });
  let tree: Root;
  try {
    tree = fromMarkdown(body, parserOptions);
  } catch (error) {
    const e = error as {
      line?: number;
      column?: number;
      place?: { line?: number; column?: number };
      reason?: string;
      message?: string;
    };
    const place = e.place && 'line' in e.place ? e.place : { line: e.line, column: e.column };
    return {
      problems: [
        {
          ...at(place.line, place.column),
          field: 'body',
          message: `MDX 无法解析：${e.reason ?? e.message}。正文中的 “<” 和 “{” 有特殊含义，请改用全角符号或删除`,
        },
      ],
    };
  }
  return { tree, problems: checkDialect(tree, at) };
}

function checkDialect(
  tree: Root,
  at: (line?: number, column?: number) => Omit<Problem, 'field' | 'message'>,
): Problem[] {
  const problems: Problem[] = [];
  const report = (node: Nodes, message: string) =>
    problems.push({ ...at(node.position?.start.line, node.position?.start.column), field: 'body', message });
  const topSignatures = new Set<Nodes>(tree.children.filter(isSignatureParagraph));

  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        report(node, '不允许使用 import 或 export');
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        report(node, '不允许使用 {表达式}；如需花括号请改用全角 ｛｝');
        break;
      case 'html':
        report(node, '不允许使用 HTML');
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (!isSafeUrl(node.url))
          report(node, `链接地址不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "${node.url}"`);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, (message) => report(node, message));
        break;
      case 'paragraph':
        // A 落款 stands alone at the end of the text; inside a sentence it would be a paragraph's words.
        if (!topSignatures.has(node))
          for (const child of node.children)
            if (child.type === 'mdxJsxTextElement' && child.name === 'Signature')
              report(child, '<Signature> 应单独成段（落款放在正文末尾，单位名称和日期各占一行）');
        break;
    }
  });
  return problems;
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, report: (message: string) => void) {
  const spec = node.name ? components[node.name] : undefined;
  if (!spec) {
    report(`不允许使用 <${node.name ?? ''}>：只能使用 ${componentList}，不允许 HTML 标签`);
    return;
  }
  const seen = new Set<string>();
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') {
      report(`<${node.name}> 不允许使用 {…} 展开属性`);
      continue;
    }
    if (![...spec.required, ...spec.optional].includes(attr.name)) {
      report(`<${node.name}> 没有 ${attr.name} 属性`);
      continue;
    }
    seen.add(attr.name);
    if (typeof attr.value !== 'string') {
      report(`<${node.name}> 的 ${attr.name} 属性应为带引号的文本`);
      continue;
    }
    if (
      node.name === 'Redacted' &&
      attr.name === 'reason' &&
      !(withheldReasons as readonly string[]).includes(attr.value)
    ) {
      report(`<Redacted> 的 reason 取值无效：应为 ${withheldReasons.join(' | ')} 之一，实际为 "${attr.value}"`);
    }
    if (node.name === 'Attachment' && attr.name === 'href' && !isSafeUrl(attr.value)) {
      report(`<Attachment> 的 href 不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "${attr.value}"`);
    }
  }
  for (const name of spec.required) if (!seen.has(name)) report(`<${node.name}> 缺少 ${name} 属性`);
  if (!spec.children && node.children.length > 0)
    report(`<${node.name}> 不能包含内容，应写成自闭合标签 <${node.name} … />`);
}

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
          ...(state.all(node) as ElementContent[]),
        ],
      };
    case 'Redacted': {
      const reason = attr(node, 'reason') as WithheldReason;
      return {
        type: 'element',
        tagName: flow ? 'p' : 'span',
        properties: { className: ['redacted'], dataReason: reason },
        children: [{ type: 'text', value: `［此处内容已删除：${withheldReasonZh[reason] ?? '其他原因'}］` }],
      };
    }
    case 'Signature':
      return {
        type: 'element',
        tagName: 'div',
        // Not a citable paragraph (no pN, no ¶), and not searched: the unit and date are the page's metadata.
        properties: { className: ['signature'], dataPagefindIgnore: '' },
        children: lineBreaks(
          flow
            ? (state.all(node) as ElementContent[])
            : [{ type: 'element', tagName: 'p', properties: {}, children: state.all(node) as ElementContent[] }],
        ),
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

/** A paragraph whose only content (besides white space) is one inline `<Signature>`. */
function isSignatureParagraph(node: Nodes): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const rest = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return rest.length === 1 && rest[0].type === 'mdxJsxTextElement' && rest[0].name === 'Signature';
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
  visit(hast, 'element', (el: Element) => {
    for (const prop of ['href', 'src']) {
      const value = el.properties[prop];
      if (value !== undefined && !(typeof value === 'string' && isSafeUrl(value))) delete el.properties[prop];
    }
  });
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
