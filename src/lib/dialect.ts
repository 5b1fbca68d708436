/**
 * The closed MDX dialect of records: Markdown (CommonMark + GFM tables) plus
 * three components, parsed with micromark's MDX extension, checked, and
 * rendered to HTML. MDX from the corpus is never compiled or executed: JSX
 * nodes are data, and only the three known components become HTML.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Nodes, Root } from 'mdast';
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
  Attachment: { required: ['href', 'title'], optional: [], children: false },
  Signature: { required: [], optional: [], children: true },
};

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
    }
  });
  return problems;
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, report: (message: string) => void) {
  const spec = node.name ? components[node.name] : undefined;
  if (!spec) {
    report(
      `不允许使用 <${node.name ?? ''}>：只能使用 <Aside>、<Redacted reason="…" /> 和 <Attachment href="…" title="…" />，不允许 HTML 标签`,
    );
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
    default: {
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { className: ['attachment'], href: attr(node, 'href') },
        children: [{ type: 'text', value: `附件：${attr(node, 'title')}` }],
      };
      return flow
        ? { type: 'element', tagName: 'p', properties: { className: ['attachment-line'] }, children: [link] }
        : link;
    }
  }
}

/** Top-level blocks that get a paragraph number: the units a citation points to. */
const numbered = new Set(['p', 'ul', 'ol', 'table', 'blockquote', 'aside', 'pre']);

/**
 * Render a checked tree to HTML. Every top-level block is wrapped in
 * `<div class="para" id="pN">` with a ¶ link to itself, so a reply can be
 * cited by paragraph (`…/fgw/#p3`).
 */
export function renderBody(tree: Root): string {
  const hast = toHast(tree, {
    handlers: { mdxJsxFlowElement: component, mdxJsxTextElement: component },
  }) as HastRoot;
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
