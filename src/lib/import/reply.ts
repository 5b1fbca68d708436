/**
 * A reply read from the face of the document: the fields a clerk sees (title,
 * 文号, 签发人, category mark, 落款), and the body in the dialect — layout lines
 * left out, the 落款 inside `<Signature>`, reserved ASCII signs replaced,
 * personal data redacted, images marked and counted.
 */
import type { Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { findPersonalData, type PersonalKind } from '../model/privacy.ts';
import type { Category } from '../model/schemas/common.ts';
import { paragraph, type Block } from './blocks.ts';
import { dialectText, halfWidthAscii, isDateLine, printedDate, sessionFromText, squeeze } from './text.ts';

export interface ReplyFace {
  /** The document's own title. */
  title?: string;
  /** The proposal number from 第N号. */
  number?: string;
  /** The session from 七届一次会议, as `7-1`. */
  session?: string;
  docNo?: string;
  signedBy?: string;
  category?: Category;
  /** The unit's name as the 落款 prints it. */
  signatureUnit?: string;
  /** The 落款 date, as `YYYY-MM-DD`. */
  repliedOn?: string;
  /** The document is a co-handling opinion (协办意见). */
  coOpinion: boolean;
  /** Whom the document addresses (刘丹宁委员：), without the colon. */
  salutation?: string;
  /** The proposal's title, from 《…》. */
  proposalTitle?: string;
}

export interface ReadReply {
  face: ReplyFace;
  /** The body in the dialect, as mdast. */
  body: RootContent[];
  /** The kinds of personal data replaced, one entry per passage. */
  redacted: PersonalKind[];
  /** Images and embedded objects left out (each marked in the body). */
  images: number;
  /** The document has a 落款. */
  signature: boolean;
  /** Lines above the title that are neither layout nor a field, left out of the body. */
  dropped: string[];
}

const NUMBER = /第\s*([0-9A-Za-z](?:[0-9A-Za-z-]{0,18}[0-9A-Za-z])?)\s*号/;
const DOC_NO = /[\u4e00-\u9fa5A-Za-z]{1,15}\s*[〔【[]\s*\d{4}\s*[〕】\]]\s*\d+\s*号/;
const SIGNED_BY = /签\s*发\s*人\s*[:：]\s*([\u4e00-\u9fa5·]{2,8})/;
const CATEGORY = [
  /分类标识\s*[:：]?\s*[【[]?\s*([ABCD])\s*[】\]]?/,
  /【\s*([ABCD])\s*】/,
  /(?:^|[\s\u3000])([ABCD])\s*类(?=[\s\u3000]|$)/,
];
/** Lines of the layout, not of the text: letterhead, disclosure option, classification, urgency. */
const LAYOUT = [
  /^[\u4e00-\u9fa5（）()]{2,40}文件$/,
  /^是否(?:同意)?公开/,
  /^公开(?:方式|属性|选项|类型)\s*[:：]/,
  /^[（(]?此件(?:主动|不予|依申请)?公开[）)]?$/,
  /^(?:密级|紧急程度|缓急|特急|加急)/,
];
/** The closing formula is text, never the 落款's unit line. */
const CLOSING = /^(?:此复|特此(?:答复|函复|函告|说明)|专此(?:答复|函复)|以上答复|谨此)/;

function isLayoutLine(text: string): boolean {
  const t = halfWidthAscii(squeeze(text));
  if (LAYOUT.some((r) => r.test(t))) return true;
  // A line made only of a category mark, a 文号 and a 签发人 (in any order and combination).
  let rest = halfWidthAscii(text);
  for (const r of [...CATEGORY, DOC_NO, new RegExp(SIGNED_BY.source, 'g')]) rest = rest.replace(r, ' ');
  return squeeze(rest).replace(/[:：]/g, '') === '' && squeeze(text) !== '';
}

function readLayout(text: string, face: ReplyFace) {
  const t = halfWidthAscii(text);
  if (!face.category)
    for (const r of CATEGORY) {
      const m = r.exec(t);
      if (m) {
        face.category = m[1] as Category;
        break;
      }
    }
  face.docNo ??= DOC_NO.exec(t)?.[0].replace(/\s+/g, '');
  face.signedBy ??= SIGNED_BY.exec(t)?.[1];
}

const isParagraph = (b: Block) => b.node.type === 'paragraph' || b.node.type === 'heading';

/** Where the title is: a centred bold line, else a line with 第N号 that names a proposal, else a top heading. */
function findTitle(blocks: Block[]): number {
  const head = blocks.slice(0, 12);
  let i = head.findIndex((b) => isParagraph(b) && b.align === 'center' && b.bold && b.text.length >= 6);
  if (i < 0)
    i = head.findIndex(
      (b) =>
        isParagraph(b) &&
        NUMBER.test(halfWidthAscii(b.text)) &&
        /提案|答复|复函|意见/.test(b.text) &&
        !/[：:]$/.test(b.text),
    );
  if (i < 0) i = head.findIndex((b) => b.node.type === 'heading' && b.node.depth <= 2);
  return i;
}

/** The proposal's title as the reply quotes it: 《关于…的提案》. */
function quotedTitle(text: string): string | undefined {
  const all = [...text.matchAll(/《([^《》]{4,120})》/g)].map((m) => m[1]);
  return all.find((t) => /提案$/.test(t)) ?? all.find((t) => /^关于/.test(t));
}

/**
 * Where the 落款 is: the last date line near the end, with the unit's name on
 * the line or two above it (short lines that are not sentences nor the
 * closing formula). `[start, end)` in `body`, or undefined.
 */
function findSignature(body: Block[]): { start: number; end: number; unit?: string; date: string } | undefined {
  for (let d = body.length - 1; d >= Math.max(0, body.length - 8); d--) {
    const b = body[d];
    if (b.node.type !== 'paragraph' || !isDateLine(b.text)) continue;
    let start = d;
    while (start > 0 && d - start < 2) {
      const above = body[start - 1];
      const t = above.text;
      if (above.node.type !== 'paragraph' || t.length > 40 || /[。；;，,：:！？]/.test(t) || CLOSING.test(t)) break;
      start -= 1;
    }
    const unit = start < d ? body[start].text.replace(/[（(]\s*(?:印章|盖章|章)\s*[）)]$/, '') : undefined;
    return { start, end: d + 1, unit, date: printedDate(b.text)! };
  }
  return undefined;
}

function flowElement(name: string, children: MdxJsxFlowElement['children']): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: [], children };
}

function redactedNode(): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'Redacted',
    attributes: [{ type: 'mdxJsxAttribute', name: 'reason', value: 'privacy' }],
    children: [],
  };
}

/** Stands for a `<Redacted />` already placed while a container is flattened to text. */
const MARK = '\uE000';

/** Text as the dialect wants it, with its personal data replaced by `<Redacted reason="privacy" />`. */
function redactText(value: string, kinds: PersonalKind[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const text = (v: string) => {
    v.split(MARK).forEach((part, i) => {
      if (i > 0) out.push(redactedNode());
      if (part) out.push({ type: 'text', value: dialectText(part) });
    });
  };
  let at = 0;
  for (const h of findPersonalData(value)) {
    if (h.index < at) continue;
    text(value.slice(at, h.index));
    out.push(redactedNode());
    kinds.push(h.kind);
    at = h.index + h.text.length;
  }
  text(value.slice(at));
  return out;
}

/** A container's text with every `<Redacted />` in it as MARK. */
function flatText(node: Nodes): string {
  if (node.type === 'mdxJsxTextElement' && node.name === 'Redacted') return MARK;
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(flatText).join('') : '';
}

const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

/** Rewrite a node in place: reserved signs, raw HTML as text, personal data redacted. */
function toDialect(node: Nodes, kinds: PersonalKind[]) {
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  // Raw HTML (from a .md file) is kept as the text it shows, never as markup.
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.type === 'html') children[i] = { type: 'text', value: c.value };
  }
  if (PHRASING_PARENTS.has(node.type)) {
    // Adjacent text runs (Word splits text at every change of format) are joined first.
    const merged: Nodes[] = [];
    for (const c of children) {
      const last = merged.at(-1);
      if (c.type === 'text' && last?.type === 'text') last.value += c.value;
      else merged.push(c);
    }
    const next: Nodes[] = [];
    for (const c of merged) {
      if (c.type === 'text') next.push(...redactText(c.value, kinds));
      else {
        toDialect(c, kinds);
        next.push(c);
      }
    }
    (node as { children: Nodes[] }).children = next;
    // A number split across two runs of different format (138 in bold, the rest not) is still found:
    // the container is then flattened to plain text and redacted as one.
    if (node.type !== 'emphasis' && node.type !== 'strong' && findPersonalData(flatText(node)).length) {
      (node as { children: Nodes[] }).children = redactText(flatText(node), kinds);
    }
    return;
  }
  for (const c of children) toDialect(c, kinds);
}

/** Read a reply's blocks. */
export function readReplyBlocks(blocks: Block[]): ReadReply {
  const face: ReplyFace = { coOpinion: false };
  const dropped: string[] = [];
  const titleAt = findTitle(blocks);
  let bodyStart = 0;
  if (titleAt >= 0) {
    let end = titleAt + 1;
    const parts = [blocks[titleAt].text];
    // A long title wraps over two or three centred lines.
    while (
      end < blocks.length &&
      end - titleAt < 3 &&
      blocks[titleAt].align === 'center' &&
      blocks[end].align === 'center' &&
      blocks[end].bold &&
      !/[：:]$/.test(blocks[end].text)
    ) {
      parts.push(blocks[end].text);
      end += 1;
    }
    face.title = parts.join('');
    for (const b of blocks.slice(0, titleAt)) {
      readLayout(b.text, face);
      if (b.text && !isLayoutLine(b.text)) dropped.push(b.text);
    }
    bodyStart = end;
  }
  // Layout lines right below the title (a 文号 line) or at the top of an untitled document.
  while (bodyStart < blocks.length && isParagraph(blocks[bodyStart]) && isLayoutLine(blocks[bodyStart].text)) {
    readLayout(blocks[bodyStart].text, face);
    bodyStart += 1;
  }
  const body = blocks.slice(bodyStart).filter((b) => !(isParagraph(b) && LAYOUT.some((r) => r.test(squeeze(b.text)))));

  const salutation = body.find((b) => b.text !== '');
  if (salutation && isParagraph(salutation) && /[：:]$/.test(salutation.text) && salutation.text.length <= 60)
    face.salutation = salutation.text.replace(/[：:]$/, '');
  const opening = [face.title ?? '', ...body.slice(0, 3).map((b) => b.text)].join('\n');
  face.number = NUMBER.exec(halfWidthAscii(opening))?.[1];
  face.session = sessionFromText(opening);
  face.coOpinion = /协办意见|会办意见/.test(opening);
  face.proposalTitle = quotedTitle(body.map((b) => b.text).join('\n'));

  const sig = findSignature(body);
  if (sig) {
    face.signatureUnit = sig.unit;
    face.repliedOn = sig.date;
  }
  const kinds: PersonalKind[] = [];
  let images = 0;
  const out: RootContent[] = [];
  body.forEach((b, i) => {
    images += b.images;
    if (sig && i === sig.start) {
      const lines = body.slice(sig.start, sig.end).map((s) => {
        const p = structuredClone(s.node) as Paragraph;
        toDialect(p, kinds);
        return p;
      });
      out.push(flowElement('Signature', lines));
    }
    if (sig && i >= sig.start && i < sig.end) return;
    if (b.text !== '' || b.node.type === 'table') {
      const node = structuredClone(b.node);
      toDialect(node, kinds);
      out.push(node);
    }
    for (let k = 0; k < b.images; k++)
      out.push(flowElement('Aside', [paragraph([{ type: 'text', value: '原件此处有一幅图片或嵌入对象，未收录。' }])]));
  });
  return { face, body: out, redacted: kinds, images, signature: !!sig, dropped };
}
