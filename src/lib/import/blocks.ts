/**
 * A document as the importer reads it: a list of top-level blocks, each with
 * its text, how it was aligned and whether it was bold (what tells a title
 * or a 落款 apart), and the block as mdast for the body.
 *
 * Word files go through mammoth (docx → semantic HTML) and the unified tools
 * (HTML → hast → mdast); Markdown through mdast-util-from-markdown; plain
 * text is one block per line. No docx or Markdown parser is written here.
 */
import { fromHtml } from 'hast-util-from-html';
import { toMdast } from 'hast-util-to-mdast';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { gfmTable } from 'micromark-extension-gfm-table';
import { trimAll } from './text.ts';

export interface Block {
  /** The block's plain text, trimmed (ideographic spaces included). */
  text: string;
  /** How the paragraph was aligned in Word, when centred or right-aligned. */
  align?: 'center' | 'right';
  /** Every character of the block is bold. */
  bold: boolean;
  /** Images or embedded objects the block held (removed from `node`). */
  images: number;
  /** The block as mdast, for the body. */
  node: RootContent;
}

export interface ReadDocument {
  blocks: Block[];
  /** What the reader could not keep, in Chinese (mammoth's warnings, explained). */
  notes: string[];
}

/** A Word file that could not be read: not a zip, or a zip that is not a .docx. */
export class NotADocument extends Error {}

/** Paragraph alignment survives mammoth as a class name: mammoth drops it otherwise. */
const STYLE_MAP = [
  "p[style-name='or-align-center'] => p.center:fresh",
  "p[style-name='or-align-right'] => p.right:fresh",
];

interface MammothParagraph {
  alignment?: string | null;
  styleName?: string | null;
}

/** mammoth's `transforms`, which its type declarations leave out. */
type Transforms = {
  paragraph: (f: (p: MammothParagraph) => MammothParagraph) => (element: unknown) => unknown;
};

/** Read a .docx file's bytes. Throws `NotADocument` when it is not one. */
export async function docxBlocks(bytes: Uint8Array): Promise<ReadDocument> {
  // Loaded on first use, so that a run of ledgers (or `--help`) does not pay for it.
  const { default: mammoth } = await import('mammoth');
  const transforms = (mammoth as unknown as { transforms: Transforms }).transforms;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // A centred or right-aligned paragraph that has no style of its own is marked by its alignment.
        transformDocument: transforms.paragraph((p) =>
          (p.alignment === 'center' || p.alignment === 'right') && !/heading|标题/i.test(p.styleName ?? '')
            ? { ...p, styleName: `or-align-${p.alignment}` }
            : p,
        ),
        // Images are never kept (nor their bytes read): each becomes a numbered marker the reader reports.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: 'image:' })),
        externalFileAccess: false,
      },
    );
  } catch (error) {
    throw new NotADocument((error as Error).message);
  }
  const notes = [
    ...new Set(
      result.messages
        .filter((m) => /unrecognised element|unsupported|ignored/i.test(m.message))
        .map((m) => `有无法转换的内容被略去（${m.message}），请对照原件`),
    ),
  ];
  return { blocks: htmlBlocks(result.value), notes };
}

/** HTML from mammoth → blocks. */
export function htmlBlocks(html: string): Block[] {
  const hast = fromHtml(html, { fragment: true });
  const blocks: Block[] = [];
  for (const child of hast.children) {
    if (child.type !== 'element') continue;
    const cls = child.properties.className;
    const classes = Array.isArray(cls) ? cls.map(String) : [];
    const align = classes.includes('center') ? 'center' : classes.includes('right') ? 'right' : undefined;
    const mdast = toMdast({ type: 'root', children: [child] }) as Root;
    for (const node of mdast.children) blocks.push(block(node, align));
  }
  return blocks;
}

/** A Markdown file → blocks (GFM tables included). */
export function markdownBlocks(text: string): Block[] {
  const tree = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  return tree.children
    .filter((n) => n.type !== 'definition')
    .map((n) => block(n.type === 'html' ? { type: 'paragraph', children: [{ type: 'text', value: n.value }] } : n));
}

/** A plain-text file → one paragraph block per non-empty line. */
export function textBlocks(text: string): Block[] {
  return text
    .split(/\r\n?|\n/)
    .filter((line) => trimAll(line) !== '')
    .map((line) => block({ type: 'paragraph', children: [{ type: 'text', value: trimAll(line) }] }));
}

function block(node: RootContent, align?: 'center' | 'right'): Block {
  const images = removeImages(node);
  // A Word table has no header cells: hast-util-to-mdast then adds an empty header row; the first row is the header.
  if (
    node.type === 'table' &&
    node.children.length > 1 &&
    node.children[0].children.every((c) => toString(c).trim() === '')
  )
    node.children.shift();
  if (node.type === 'paragraph') trimParagraph(node);
  const text = trimAll(toString(node));
  return { text, align, bold: isBold(node), images, node };
}

/** Remove every image from a node, counting them. */
function removeImages(node: Nodes): number {
  if (!('children' in node)) return 0;
  let n = 0;
  const kept = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === 'image' || child.type === 'imageReference') {
      n += 1;
      continue;
    }
    n += removeImages(child);
    kept.push(child);
  }
  (node as { children: Nodes[] }).children = kept;
  return n;
}

/** A paragraph's leading and trailing white space (Word's typed indentation) removed. */
function trimParagraph(p: Paragraph) {
  const first = p.children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^[\s\u3000\u00a0]+/, '');
  const last = p.children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/[\s\u3000\u00a0]+$/, '');
  p.children = p.children.filter((c) => !(c.type === 'text' && c.value === ''));
}

function isBold(node: Nodes): boolean {
  let all = 0;
  let bold = 0;
  const walk = (n: Nodes, inStrong: boolean) => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      const len = n.value.replace(/\s/g, '').length;
      all += len;
      if (inStrong) bold += len;
    }
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c, inStrong || n.type === 'strong');
  };
  walk(node, node.type === 'heading');
  return all > 0 && bold === all;
}

/** A paragraph of plain text (for markers and rewritten blocks). */
export function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}
