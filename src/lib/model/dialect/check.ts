/** The dialect's rules over a parsed body: what may appear, and each component's attributes. */
import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { Problem } from '../problems.ts';
import { withheldReasons } from '../schemas/common.ts';
import { angleAdvice, componentList, components, htmlAdvice, isSignatureParagraph } from './components.ts';
import { isSafeUrl } from './urls.ts';

export function checkDialect(
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
    // Only <Redacted> takes a reason and only <Attachment> an href (components.ts): the name alone tells them.
    if (attr.name === 'reason' && !(withheldReasons as readonly string[]).includes(attr.value)) {
      report(`<Redacted> 的 reason 取值无效：应为 ${withheldReasons.join(' | ')} 之一，实际为 "${attr.value}"`);
    }
    if (attr.name === 'href' && !isSafeUrl(attr.value)) {
      report(`<Attachment> 的 href 不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "${attr.value}"`);
    }
  }
  for (const name of spec.required) if (!seen.has(name)) report(`<${node.name}> 缺少 ${name} 属性`);
  if (!spec.children && node.children.length > 0)
    report(`<${node.name}> 不能包含内容，应写成自闭合标签 <${node.name} … />`);
}
