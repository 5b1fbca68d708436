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
import { withheldReasonZh } from '../../labels.ts';
import type { Problem } from '../problems.ts';
import { withheldReasons, type WithheldReason } from '../schemas/common.ts';

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
  let i = Math.min(line, lines.length) - 1;
  while (i > 0 && lines[i].trim() === '') i -= 1;
  if (i < 0 || lines[i].trim() === '') return false;
  let start = i;
  while (start > 0 && lines[start - 1].trim() !== '') start -= 1;
  for (let j = start; j < lines.length && lines[j].trim() !== ''; j++) lines[j] = '';
  return true;
}

interface ParseError {
  ruleId?: string;
  source?: string;
  reason?: string;
  message?: string;
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
}

interface Explained {
  line: number;
  column: number;
  message: string;
}

/** The HTML tags editors paste, and what to write instead. */
const htmlAdvice: Record<string, string> = {
  br: '不允许 <br> → 换行请空一行：段与段之间留一个空行',
  p: '不允许 <p> → 分段请空一行，不需要标签',
  a: '不允许 HTML 链接 <a> → 请写成 [链接文字](https://…)',
  b: '不允许 <b> → 加粗请写成 **文字**',
  strong: '不允许 <strong> → 加粗请写成 **文字**',
  img: '不允许 <img> → 图片请作为附件：<Attachment href="…" title="…" />',
  span: '不允许 <span> → 请删除标签，只保留文字',
  div: '不允许 <div> → 请删除标签，只保留文字',
};

/** The dialect's components, in the words of the messages. */
/** What an editor should write for an ASCII `<…>` around text: 〈…〉 in titles, ＜ for "less than". */
function angleAdvice(inner: string): string {
  return `正文中的半角“<…>”会被当作标签（<${inner}>）→ 书名号内的标题请改用〈${inner}〉；表示“小于”请写“＜”或“小于”`;
}

/** The first `{` of `text` whose `}` never comes: where an unclosed expression starts. */
function unclosedBrace(text: string): number {
  for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      if (text[j] === '{') depth += 1;
      else if (text[j] === '}' && --depth === 0) break;
    }
    if (depth > 0) return i;
  }
  return -1;
}

/** Line and column (1-based) of `offset` in `text`. */
function pointOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * A parser error in an editor's words, at the place to change. micromark's
 * messages are for programmers ("Unexpected character `3` (U+0033) before
 * name"); each case an editor meets gets its own advice, and none keeps the
 * English text.
 */
function explainParseError(e: ParseError, text: string, offset: number): Explained {
  const reason = e.reason ?? e.message ?? '';
  const place = e.place?.start ?? (e.place && 'line' in e.place ? e.place : undefined);
  const line = place?.line ?? e.line ?? 1;
  const column = place?.column ?? e.column ?? 1;
  const lineText = text.split('\n')[line - 1] ?? '';

  // `<` followed by something that cannot start a tag: a digit, `=`, `!`, a space, Chinese…
  if (e.ruleId === 'unexpected-character' && /before name/.test(reason)) {
    const lt = lineText.lastIndexOf('<', column - 1);
    const col = lt >= 0 ? lt + 1 : column;
    const next = lineText[col] ?? '';
    if (next === '!')
      return { line, column: col, message: '不允许 HTML 注释 <!-- … --> → 请删除；草稿或备注请放在以 _ 开头的文件中' };
    const close = lineText.indexOf('>', col);
    if (close > col && !/[{}]/.test(lineText.slice(col, close)))
      return { line, column: col, message: angleAdvice(lineText.slice(col, close)) };
    return {
      line,
      column: col,
      message: `正文中的半角“<”后面是“${next}”，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉`,
    };
  }

  // A tag that never closes: reported at the tag itself, whose position the message carries.
  const unclosed = /Expected a closing tag for `<([^>`]*)>` \((\d+):(\d+)-/.exec(reason);
  if (e.ruleId === 'end-tag-mismatch' && unclosed && !reason.startsWith('Unexpected closing tag')) {
    const [, name, l, c] = unclosed;
    const tagLine = Number(l);
    const tagColumn = Number(c);
    const tagName = name.split(/\s/)[0];
    const where = { line: tagLine, column: tagColumn };
    if (/[^\x00-\x7f]/.test(tagName)) return { ...where, message: angleAdvice(name) };
    if (htmlAdvice[tagName.toLowerCase()]) return { ...where, message: htmlAdvice[tagName.toLowerCase()] };
    if (tagName === 'Aside') return { ...where, message: '<Aside> 没有结束标签 → 请在说明文字之后单独写一行 </Aside>' };
    if (components[tagName])
      return { ...where, message: `<${tagName}> 应写成自闭合标签 → 请在末尾写 />，例如 <${tagName} … />` };
    return { ...where, message: `不允许使用 <${tagName}> → 只能使用 ${componentList}；不允许 HTML 标签` };
  }

  // A closing tag that does not match the one opened.
  const mismatch =
    /Unexpected closing tag `<\/([^>`]*)>`, expected corresponding closing tag for `<([^>`]*)>` \((\d+):/.exec(reason);
  if (mismatch) {
    const [, got, want, openLine] = mismatch;
    const wanted = want.split(/\s/)[0];
    return {
      line,
      column,
      message: `结束标签 </${got}> 与第 ${Number(openLine) + offset} 行的 <${wanted}> 不一致 → 请写成 </${wanted}>`,
    };
  }
  if (e.ruleId === 'unexpected-closing-slash' || /closing slash/.test(reason)) {
    const lt = lineText.lastIndexOf('<', column - 1);
    return { line, column: lt >= 0 ? lt + 1 : column, message: '多余的结束标签 → 前面没有对应的开始标签，请删除它' };
  }

  // `{` without `}`: reported at the brace.
  if (e.source?.includes('mdx-expression') || /expression|acorn/i.test(reason)) {
    const brace = unclosedBrace(text);
    const where = brace >= 0 ? pointOf(text, brace) : { line, column };
    return {
      ...where,
      message:
        brace >= 0
          ? '正文中的半角“{”没有配对的“}”→ 正文中的花括号请改用全角｛｝'
          : '正文中的 {…} 会被当作表达式 → 正文中的花括号请改用全角｛｝',
    };
  }

  return {
    line,
    column,
    message:
      '这里的写法无法解析 → 请检查半角符号 < > { }：正文中请改用全角符号〈〉＜＞｛｝，组件只能使用 ' + componentList,
  };
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
        report(node, `不允许使用 {表达式}（{${node.value}}）→ 正文中的花括号请改用全角：｛${node.value}｝`);
        break;
      case 'html':
        report(node, '不允许使用 HTML');
        break;
      case 'image':
      case 'imageReference':
        report(
          node,
          `不允许在正文中插入图片（![${node.alt ?? ''}]${'url' in node ? `(${node.url})` : ''}）→ 请作为附件列出：<Attachment href="${'url' in node ? node.url : '…'}" title="${node.alt || '…'}" />`,
        );
        break;
      case 'link':
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
    const name = node.name ?? '';
    if (/[^\x00-\x7f]/.test(name)) report(angleAdvice(name));
    else report(htmlAdvice[name.toLowerCase()] ?? `不允许使用 <${name}> → 只能使用 ${componentList}；不允许 HTML 标签`);
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
