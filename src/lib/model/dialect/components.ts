/** The dialect's components, the words messages use for them, and what editors paste instead. */
import type { Nodes, Paragraph } from 'mdast';

/** The components of the dialect and the attributes each takes. */
export const components: Record<string, { required: string[]; optional: string[]; children: boolean }> = {
  Aside: { required: [], optional: [], children: true },
  Redacted: { required: ['reason'], optional: [], children: false },
  // Without `href` the page says the attachment is not published here.
  Attachment: { required: ['title'], optional: ['href'], children: false },
  // The 落款: the unit's name and the date, right-aligned, outside the paragraph numbering.
  Signature: { required: [], optional: [], children: true },
};

/** The components as error messages list them. */
export const componentList =
  '<Aside>、<Redacted reason="…" />、<Attachment href="…" title="…" /> 和 <Signature>落款</Signature>';

/** The HTML tags editors paste, and what to write instead. */
export const htmlAdvice: Record<string, string> = {
  br: '不允许 <br> → 换行请空一行：段与段之间留一个空行',
  p: '不允许 <p> → 分段请空一行，不需要标签',
  a: '不允许 HTML 链接 <a> → 请写成 [链接文字](https://…)',
  b: '不允许 <b> → 加粗请写成 **文字**',
  strong: '不允许 <strong> → 加粗请写成 **文字**',
  img: '不允许 <img> → 图片请作为附件：<Attachment href="…" title="…" />',
  span: '不允许 <span> → 请删除标签，只保留文字',
  div: '不允许 <div> → 请删除标签，只保留文字',
};

/** What an editor should write for an ASCII `<…>` around text: 〈…〉 in titles, ＜ for "less than". */
export function angleAdvice(inner: string): string {
  return `正文中的半角“<…>”会被当作标签（<${inner}>）→ 书名号内的标题请改用〈${inner}〉；表示“小于”请写“＜”或“小于”`;
}

/** A paragraph whose only content (besides white space) is one inline `<Signature>`. */
export function isSignatureParagraph(node: Nodes): node is Paragraph {
  if (node.type !== 'paragraph') return false;
  const rest = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return rest.length === 1 && rest[0].type === 'mdxJsxTextElement' && rest[0].name === 'Signature';
}
