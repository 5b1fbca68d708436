/**
 * What an editor reads for each kind of body the dialect refuses: the message
 * and the file line and column it points at (the body starts on line 5 here),
 * pinned case by case; and the HTML each accepted construct renders to.
 * Every message is written for an office editor, names the fix, and none
 * keeps the parser's English.
 */
import { describe, expect, it } from 'vitest';
import type { Root } from 'mdast';
import { checkDialect } from '../src/lib/model/dialect/check.ts';
import { parseBody, prefixAnchors, renderBody } from '../src/lib/model/dialect/index.ts';
import { explainParseError, type ParseError } from '../src/lib/model/dialect/parse-errors.ts';
import { readerBlocks } from '../src/lib/model/dialect/reader-text.ts';

/** The messages that recur below, as an editor reads them. */
const BRACE = '正文中的半角“{”没有配对的“}”→ 正文中的花括号请改用全角｛｝';
const STRAY_CLOSE = '多余的结束标签 → 前面没有对应的开始标签，请删除它';
const ASIDE_OPEN = '<Aside> 没有结束标签 → 请在说明文字之后单独写一行 </Aside>';
const SIGNATURE_ALONE = '<Signature> 应单独成段（落款放在正文末尾，单位名称和日期各占一行）';
const COMPONENTS = '<Aside>、<Redacted reason="…" />、<Attachment href="…" title="…" /> 和 <Signature>落款</Signature>';
const UNPARSABLE = `这里的写法无法解析 → 请检查半角符号 < > { }：正文中请改用全角符号〈〉＜＞｛｝，组件只能使用 ${COMPONENTS}`;
const angle = (name: string) =>
  `正文中的半角“<…>”会被当作标签（<${name}>）→ 书名号内的标题请改用〈${name}〉；表示“小于”请写“＜”或“小于”`;
const lessThan = (next: string) =>
  `正文中的半角“<”后面是“${next}”，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉`;
const badReason = (value: string) =>
  `<Redacted> 的 reason 取值无效：应为 state-secret | work-secret | privacy | sensitive | other 之一，实际为 "${value}"`;

/** [what, body, problems as `line:column message`] */
const cases: [string, string, string[]][] = [
  ['an HTML paragraph tag', '第一段。\n\n<p>文字</p>\n', ['7:1 不允许 <p> → 分段请空一行，不需要标签']],
  ['an HTML bold tag', '<strong>重点</strong>\n', ['5:1 不允许 <strong> → 加粗请写成 **文字**']],
  ['an HTML image', '<img src="a.png" />\n', ['5:1 不允许 <img> → 图片请作为附件：<Attachment href="…" title="…" />']],
  ['an HTML span', '<span>字</span>\n', ['5:1 不允许 <span> → 请删除标签，只保留文字']],
  ['a tag named in Chinese', '<附件 />\n', [`5:1 ${angle('附件')}`]],
  [
    'a Markdown image',
    '![图](a.png)\n',
    ['5:1 不允许在正文中插入图片（![图](a.png)）→ 请作为附件列出：<Attachment href="a.png" title="图" />'],
  ],
  [
    'a Markdown image by reference',
    '![图][r]\n\n[r]: a.png\n',
    ['5:1 不允许在正文中插入图片（![图]）→ 请作为附件列出：<Attachment href="…" title="图" />'],
  ],
  ['a redaction with an unknown reason', '<Redacted reason="bogus" />\n', [`5:1 ${badReason('bogus')}`]],
  ['an attachment title with a colon (fine)', '<Attachment href="/a.pdf" title="方案: 2021" />\n', []],
  [
    'an attachment to a script address',
    '<Attachment href="javascript:x" title="a" />\n',
    ['5:1 <Attachment> 的 href 不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "javascript:x"'],
  ],
  ['a signature inside a sentence', '开头 <Signature>某局</Signature> 结尾\n', [`5:4 ${SIGNATURE_ALONE}`]],
  ['a signature block (fine)', '<Signature>\n某局\n2021年6月30日\n</Signature>\n', []],
  ['a signature on one line (fine)', '<Signature>某局　2021年6月30日</Signature>\n', []],
  ['an expression', '{a}\n', ['5:1 不允许使用 {表达式}（{a}）→ 正文中的花括号请改用全角：｛a｝']],
  ['an unclosed brace', 'a {b\n\nc\n', [`5:3 ${BRACE}`]],
  ['an unclosed brace at the very start', '{a b\n', [`5:1 ${BRACE}`]],
  ['an unclosed brace around a closed one', 'a {b {c}\n\nd\n', [`5:3 ${BRACE}`]],
  ['an unclosed brace after a closed one', 'a {b} {c\n', [`5:7 ${BRACE}`]],
  ['an unclosed brace on a later line', 'x\n\ny {z\n', [`7:3 ${BRACE}`]],
  ['a brace inside a tag', 'a <b{c}> d\n', ['5:6 正文中的 {…} 会被当作表达式 → 正文中的花括号请改用全角｛｝']],
  ['an Aside never closed', 'x\n\n<Aside>\n说明\n', [`7:1 ${ASIDE_OPEN}`]],
  ['an Aside never closed, in a sentence', 'a\nb <Aside>\n', [`6:3 ${ASIDE_OPEN}`]],
  [
    'an attachment not self-closed',
    'x\n\n<Attachment href="/a" title="t">\n\ny\n',
    ['7:1 <Attachment> 应写成自闭合标签 → 请在末尾写 />，例如 <Attachment … />'],
  ],
  ['an HTML block never closed', 'x\n\n<div>\n\ny\n', ['7:1 不允许 <div> → 请删除标签，只保留文字']],
  ['a Chinese tag never closed', 'x\n\n<附件>\n\ny\n', [`7:1 ${angle('附件')}`]],
  ['a Chinese tag in a sentence', 'x <附件> y\n', [`5:3 ${angle('附件')}`]],
  ['an HTML paragraph never closed', 'x\n\n<p>\n\ny\n', ['7:1 不允许 <p> → 分段请空一行，不需要标签']],
  ['a closing tag alone', 'x\n\n</Aside>\n', [`7:1 ${STRAY_CLOSE}`]],
  ['a closing HTML tag in a sentence', 'a </p> b\n', [`5:3 ${STRAY_CLOSE}`]],
  [
    'a closing tag that does not match',
    '<Aside>\nx\n</Signature>\n',
    ['7:1 结束标签 </Signature> 与第 5 行的 <Aside> 不一致 → 请写成 </Aside>'],
  ],
  ['less-than before a digit', 'a <1 b\n', [`5:3 ${lessThan('1')}`]],
  ['less-than and a digit in angle brackets', 'a <1> b\n', [`5:3 ${angle('1')}`]],
  [
    'an HTML comment',
    'a <!-- c --> b\n',
    ['5:3 不允许 HTML 注释 <!-- … --> → 请删除；草稿或备注请放在以 _ 开头的文件中'],
  ],
  ['less-than-or-equal', 'a <= b\n', [`5:3 ${lessThan('=')}`]],
  [
    'three broken blocks, each reported',
    'a {b\n\nc <1\n\nd </p>\n',
    [`5:3 ${BRACE}`, `7:3 ${lessThan('1')}`, `9:3 ${STRAY_CLOSE}`],
  ],
  [
    'a broken block and a dialect problem after it',
    'a\n\n<Attachment href="javascript:x" title="t" />\n\n{x\n',
    [
      `9:1 ${BRACE}`,
      '7:1 <Attachment> 的 href 不安全：只允许 http:、https:、mailto: 或相对地址，实际为 "javascript:x"',
    ],
  ],
  ['trailing blank lines (fine)', '正文\n\n\n', []],
  [
    'two signatures in one paragraph',
    '<Signature>某局</Signature> <Signature>2021年</Signature>\n',
    [`5:1 ${SIGNATURE_ALONE}`, `5:27 ${SIGNATURE_ALONE}`],
  ],
  ['a signature with text in its paragraph', '<Signature>某局</Signature>\n文字\n', [`5:1 ${SIGNATURE_ALONE}`]],
  ['an Aside never closed, past column 9', '一二三四五六七八九 <Aside>\n', [`5:11 ${ASIDE_OPEN}`]],
  ['an Aside never closed, past line 9 of the body', '1\n\n2\n\n3\n\n4\n\n5\n\n<Aside>\n', [`15:1 ${ASIDE_OPEN}`]],
  [
    'an unclosed attribute, reported past its block, and a problem before it',
    '<Redacted reason="bogus" />\n\n<Attachment href="x\n',
    [`8:1 ${UNPARSABLE}`, `5:1 ${badReason('bogus')}`],
  ],
  [
    'a broken block is left out whole, and the blocks after it are still checked',
    '<Redacted reason="bogus" />\na {b\n\n<Redacted reason="bad2" />\n',
    [`6:3 ${BRACE}`, `8:1 ${badReason('bad2')}`],
  ],
  [
    'an attribute value without quotes',
    '<Redacted reason=privacy />\n',
    ['5:18 标签的属性值要写在半角双引号中 → 例如 <Redacted reason="privacy" />'],
  ],
  [
    'less-than at the end of a line',
    'a <\n',
    ['5:3 正文中的半角“<”在行末，会被当作标签的开始 → 表示“小于”请写“＜”或“小于”，书名号内的标题请用〈…〉'],
  ],
  ['less-than before another', 'a <<>\n', [`5:3 ${lessThan('<')}`]],
  ['a closing tag with a digit for a name', 'a </1 b\n', [`5:3 ${lessThan('/')}`]],
  ['angle brackets, and braces later in the line', 'a <1> b {c}\n', [`5:3 ${angle('1')}`]],
  [
    'a Signature never closed',
    'x\n\n<Signature>\n某局\n',
    ['7:1 <Signature> 没有结束标签 → 请在落款之后单独写一行 </Signature>'],
  ],
  [
    'an unknown tag never closed',
    'x\n\n<Foo>\n\ny\n',
    [`7:1 不允许使用 <Foo> → 只能使用 ${COMPONENTS}；不允许 HTML 标签`],
  ],
  [
    'a closing tag that does not match, opened past line 9 of the body',
    '1\n\n2\n\n3\n\n4\n\n5\n\n<Aside>\nx\n</Signature>\n',
    ['17:1 结束标签 </Signature> 与第 15 行的 <Aside> 不一致 → 请写成 </Aside>'],
  ],
  ['a signature and a full-width space after it (fine)', '<Signature>某局</Signature>\u3000\n', []],
  [
    'a broken block, a line of spaces, a block checked after it',
    'a {b\n  \n<Redacted reason="bad2" />\n',
    [`5:3 ${BRACE}`, `7:1 ${badReason('bad2')}`],
  ],
  [
    'a block checked, a line of spaces, a broken block after it',
    '<Redacted reason="bad1" />\n \na {b\n',
    [`7:3 ${BRACE}`, `5:1 ${badReason('bad1')}`],
  ],
  ['a broken last block with no line end', 'x\n\na {b', [`7:3 ${BRACE}`]],
];

describe('the dialect’s messages, each at its place', () => {
  it.each(cases)('%s', (_, body, expected) => {
    const problems = parseBody('f.mdx', body, 5).problems;
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(expected);
    // Each names the file and the field as validate prints them.
    for (const p of problems) expect(p).toMatchObject({ file: 'f.mdx', field: 'body' });
  });

  it('reports the first 50 broken blocks of a body, and stops there', () => {
    const body = Array.from({ length: 60 }, (_, i) => `第${i + 1}段 {未闭合`).join('\n\n');
    const problems = parseBody('f.mdx', body, 5).problems;
    expect(problems).toHaveLength(50);
    expect(problems.at(-1)).toMatchObject({ line: 5 + 98, column: 6, message: BRACE });
  });

  it('gives an error of a shape it does not know the general advice, at the start of the body', () => {
    expect(explainParseError(new Error('boom') as ParseError, 'x', 4)).toEqual({
      line: 1,
      column: 1,
      message: UNPARSABLE,
    });
  });

  it('refuses raw HTML should a parser ever hand it over (MDX reads tags as components)', () => {
    const tree: Root = {
      type: 'root',
      children: [
        {
          type: 'html',
          value: '<b>x</b>',
          position: { start: { line: 2, column: 3, offset: 0 }, end: { line: 2, column: 11, offset: 8 } },
        },
      ],
    };
    expect(checkDialect(tree, (line, column) => ({ file: 'f.mdx', line: line ?? 0, column: column ?? 0 }))).toEqual([
      { file: 'f.mdx', line: 2, column: 3, field: 'body', message: '不允许使用 HTML' },
    ]);
  });

  it('keeps the parsed tree only for a body that parsed as written', () => {
    expect(parseBody('f.mdx', '正文。\n', 1).tree).toBeDefined();
    expect(parseBody('f.mdx', '<Redacted reason="bogus" />\n', 1).tree).toBeDefined();
    expect(parseBody('f.mdx', 'a {b\n\nc\n', 1).tree).toBeUndefined();
  });
});

const html = (body: string) => renderBody(parseBody('f.mdx', body, 1).tree!);

describe('what an accepted body renders to', () => {
  it('numbers paragraphs, lists, tables, quotations, code and notes, not headings or rules', () => {
    const out = html(
      '段一。\n\n## 标题\n\n- 甲\n- 乙\n\n1. 一\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> 引文\n\n```\ncode\n```\n\n<Aside>\n说明文字\n</Aside>\n\n---\n',
    );
    const numbered = [
      ...out.matchAll(
        /<div class="para" id="p(\d+)"><a class="pilcrow" href="#p\1" aria-label="第 \1 段">¶<\/a><(\w+)/g,
      ),
    ];
    expect(numbered.map((m) => `${m[1]}:${m[2]}`)).toEqual([
      '1:p',
      '2:ul',
      '3:ol',
      '4:table',
      '5:blockquote',
      '6:pre',
      '7:aside',
    ]);
    expect(out).toContain('\n<h2>标题</h2>\n');
    expect(out).toMatch(/<\/div>\n<hr>\n?$/);
    expect(out).toContain('<aside class="note" role="note"><p class="note-label">说明</p><p>说明文字</p></aside>');
  });

  it('renders notes and redactions inside a sentence as inline elements', () => {
    expect(
      html('文中 <Aside>旁注</Aside> 与 <Redacted reason="privacy" /> 。\n\n<Redacted reason="work-secret" />\n'),
    ).toBe(
      '<div class="para" id="p1"><a class="pilcrow" href="#p1" aria-label="第 1 段">¶</a><p>文中 <span class="note" role="note"><strong class="note-label">说明</strong>旁注</span> 与 <span class="redacted" data-reason="privacy">［此处内容已删除：涉及个人隐私］</span> 。</p></div>\n' +
        '<div class="para" id="p2"><a class="pilcrow" href="#p2" aria-label="第 2 段">¶</a><p class="redacted" data-reason="work-secret">［此处内容已删除：涉及工作秘密］</p></div>',
    );
  });

  it('names an attachment without a file as not held here, on its own line or in a sentence, and links one with a file', () => {
    expect(
      html(
        '<Attachment title="方案" />\n\n文中 <Attachment title="表" /> 附后。\n\n文中 <Attachment href="/a.pdf" title="表" /> 附后。\n',
      ),
    ).toBe(
      '<div class="para" id="p1"><a class="pilcrow" href="#p1" aria-label="第 1 段">¶</a><p class="attachment-line"><span class="attachment attachment-missing">附件：方案（本站未收录附件文件）</span></p></div>\n' +
        '<div class="para" id="p2"><a class="pilcrow" href="#p2" aria-label="第 2 段">¶</a><p>文中 <span class="attachment attachment-missing">附件：表（本站未收录附件文件）</span> 附后。</p></div>\n' +
        '<div class="para" id="p3"><a class="pilcrow" href="#p3" aria-label="第 3 段">¶</a><p>文中 <a class="attachment" href="/a.pdf">附件：表</a> 附后。</p></div>',
    );
    expect(html('<Attachment href="/a.pdf" title="方案" />\n')).toBe(
      '<div class="para" id="p1"><a class="pilcrow" href="#p1" aria-label="第 1 段">¶</a><p class="attachment-line"><a class="attachment" href="/a.pdf">附件：方案</a></p></div>',
    );
  });

  it('renders a one-line signature like the block form, unnumbered and not searched', () => {
    expect(html('<Signature>某局　2021年6月30日</Signature>\n')).toBe(
      '<div class="signature" data-pagefind-ignore=""><p>某局　2021年6月30日</p></div>',
    );
  });

  it('prefixes every paragraph anchor, two-digit ones too, and points the ¶ links at the reply page', () => {
    const body = Array.from({ length: 12 }, (_, i) => `第${i + 1}段。`).join('\n\n');
    const out = prefixAnchors(html(body), 'fgw', '/r/');
    expect(out.match(/id="[^"]+"/g)).toEqual(Array.from({ length: 12 }, (_, i) => `id="fgw-p${i + 1}"`));
    expect(out.match(/class="pilcrow" href="[^"]+"/g)).toEqual(
      Array.from({ length: 12 }, (_, i) => `class="pilcrow" href="/r/#p${i + 1}"`),
    );
  });
});

describe('the text a reader reads, block by block', () => {
  it('runs inline markup on, sets components, breaks and blocks apart, and says where each block starts', () => {
    const { tree } = parseBody(
      'f.mdx',
      '第**一**段，[链接](https://example.org/)、[引用][r]和`代码`。\n\n> 引文<Redacted reason="privacy" />之后\n\n- 甲\n- 乙  \n  丙\n\n[r]: https://example.org/r\n',
      5,
    );
    expect(readerBlocks(tree!)).toEqual([
      { text: '第一段，链接、引用和代码。', line: 1, column: 1 },
      { text: '\n引文\n\n之后\n', line: 3, column: 1 },
      { text: '\n\n甲\n\n\n乙\n丙\n\n', line: 5, column: 1 },
      // A link's definition is shown nowhere: nothing to read.
      { text: '\n', line: 9, column: 1 },
    ]);
  });
});
