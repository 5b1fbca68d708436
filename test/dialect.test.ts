/**
 * The closed MDX dialect: each rule with a broken body, asserting the problem
 * names the file, the line in the file (not in the body), the column and the
 * field `body`; and what the three components render to.
 */
import { describe, expect, it } from 'vitest';
import { isSafeUrl, parseBody, prefixAnchors, renderBody } from '../src/lib/model/dialect/index.ts';
import { formatProblem } from '../src/lib/model/problems.ts';
import { problemLines, reply, REPLY, withFiles } from './helpers.ts';

const FM = 'category: A\nrepliedOn: 2021-06-30\ndisclosure: public';
/** The body of a reply written with FM starts on line 7 (`---`, 3 fields, `---`, two blank lines). */
function lineOf(body: string): string[] {
  return problemLines(withFiles({ [REPLY]: reply(FM, `\n${body}\n`) }));
}
function only(body: string, expected: RegExp) {
  const lines = lineOf(body);
  expect(lines, lines.join('\n')).toHaveLength(1);
  expect(lines[0]).toMatch(expected);
}
const at = (line: number, column: number) => `^proposals/7-1/20210001/gaj\\.mdx:${line}:${column} body — `;

describe('what the dialect refuses', () => {
  it('import', () => only('第一段。\n\nimport X from "x"', new RegExp(`${at(9, 1)}不允许使用 import 或 export`)));
  it('export', () => only('export const a = 1', new RegExp(`${at(7, 1)}不允许使用 import 或 export`)));
  it('expressions', () => only('金额为 {1 + 1} 元。', new RegExp(`${at(7, 5)}不允许使用 \\{表达式\\}`)));
  it('other tags', () => only('<div>文字</div>', new RegExp(`${at(7, 1)}不允许 <div>`)));
  it('raw HTML inside a paragraph', () =>
    only('文字 <b>加粗</b>。', new RegExp(`${at(7, 4)}不允许 <b> → 加粗请写成 \\*\\*文字\\*\\*`)));
  it('script', () => only('<script>alert(1)</script>', new RegExp(`${at(7, 1)}不允许使用 <script>`)));
  it('HTML comments do not parse', () => only('<!-- 注释 -->', new RegExp(`${at(7, 1)}不允许 HTML 注释`)));
  it('an unclosed tag names its line', () =>
    only('第一段。\n\n<Aside>\n没有结束', new RegExp(`${at(9, 1)}<Aside> 没有结束标签`)));
  it('javascript: links', () => only('[点击](javascript:alert(1))', new RegExp(`${at(7, 1)}链接地址不安全`)));
  it('data: images', () => only('![图](data:image/png;base64,AAAA)', new RegExp(`${at(7, 1)}不允许在正文中插入图片`)));
  it('protocol-relative links', () => only('[外链](//evil.example/x)', new RegExp(`${at(7, 1)}链接地址不安全`)));
  it('Redacted without reason', () => only('<Redacted />', new RegExp(`${at(7, 1)}<Redacted> 缺少 reason 属性`)));
  it('Redacted with an unknown reason', () =>
    only('<Redacted reason="secret" />', new RegExp(`${at(7, 1)}<Redacted> 的 reason 取值无效`)));
  it('Redacted with content', () =>
    only('<Redacted reason="privacy">姓名</Redacted>', new RegExp(`${at(7, 1)}<Redacted> 不能包含内容`)));
  it('Attachment without title', () =>
    only('<Attachment href="/a.pdf" />', new RegExp(`${at(7, 1)}<Attachment> 缺少 title 属性`)));
  it('Attachment with an unsafe href', () =>
    only('<Attachment href="javascript:x" title="附件" />', new RegExp(`${at(7, 1)}<Attachment> 的 href 不安全`)));
  it('unknown attributes', () =>
    only('<Aside type="warning">提示</Aside>', new RegExp(`${at(7, 1)}<Aside> 没有 type 属性`)));
  it('expression attributes', () =>
    only('<Redacted reason={"privacy"} />', new RegExp(`${at(7, 1)}<Redacted> 的 reason 属性应为带引号的文本`)));
  it('spread attributes', () =>
    only('<Aside {...props}>提示</Aside>', new RegExp(`${at(7, 1)}<Aside> 不允许使用 \\{…\\} 展开属性`)));
  it('an entity-encoded javascript: in an attribute', () =>
    only(
      '<Attachment href="java&#x9;script:alert(1)" title="附件" />',
      new RegExp(`${at(7, 1)}<Attachment> 的 href 不安全`),
    ));
  it('Attachment without href is allowed, without title is not', () => {
    expect(lineOf('<Attachment title="《实施方案》" />')).toEqual([]);
    only('<Attachment />', new RegExp(`${at(7, 1)}<Attachment> 缺少 title 属性`));
  });
  it('a Signature inside a sentence', () =>
    only('落款为<Signature>深圳市发展和改革委员会</Signature>。', new RegExp(`${at(7, 4)}<Signature> 应单独成段`)));
  it('Signature takes no attributes', () =>
    only(
      '<Signature align="left">\n深圳市发展和改革委员会\n</Signature>',
      new RegExp(`${at(7, 1)}<Signature> 没有 align 属性`),
    ));
  it('names the four components when a tag is unknown', () =>
    only(
      '<Sign>深圳市发展和改革委员会</Sign>',
      /只能使用 <Aside>.*<Attachment href="…" title="…" \/> 和 <Signature>落款<\/Signature>/,
    ));
  it('fragments', () => only('<>文字</>', new RegExp(`${at(7, 1)}不允许使用 <>`)));
  it('reports every problem of a body', () => {
    expect(lineOf('<div>一</div>\n\n[二](javascript:x)\n\n{三}')).toHaveLength(3);
  });
});

describe('links', () => {
  it.each(['https://example.org', 'http://a.b', 'mailto:a@b.c', '/units/fgw/', '../x', '#p2', 'file.pdf'])(
    '%s is safe',
    (url) => {
      expect(isSafeUrl(url)).toBe(true);
    },
  );
  it.each([
    'javascript:alert(1)',
    'JavaScript:x',
    'data:text/html,x',
    'vbscript:x',
    '//evil.example',
    'file:///etc/passwd',
  ])('%s is not', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });
});

function html(body: string): string {
  const parsed = parseBody('x.mdx', body, 1);
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  return renderBody(parsed.tree!);
}

describe('what it renders', () => {
  it('numbers every top-level block with an anchor and a ¶ link', () => {
    const out = html('第一段。\n\n第二段。\n\n- 一\n- 二\n');
    expect(out).toContain(
      '<div class="para" id="p1"><a class="pilcrow" href="#p1" aria-label="第 1 段">¶</a><p>第一段。</p></div>',
    );
    expect(out).toContain('<div class="para" id="p2">');
    expect(out).toMatch(/<div class="para" id="p3"><a [^>]+>¶<\/a><ul>/);
  });
  it('renames anchors for pages that show several replies', () => {
    const out = prefixAnchors(html('一。\n\n二。'), 'fgw', '/proposals/7-1/20210001/fgw/');
    expect(out).toContain('<div class="para" id="fgw-p2"><a class="pilcrow" href="/proposals/7-1/20210001/fgw/#p2"');
    expect(out).not.toContain('id="p1"');
  });
  it('Aside is a labelled note', () => {
    expect(html('<Aside>\n请注意。\n</Aside>')).toMatch(
      /<aside class="note" role="note"><p class="note-label">说明<\/p>\s*<p>请注意。<\/p>\s*<\/aside>/,
    );
  });
  it('Redacted names the reason in words, never the text', () => {
    expect(html('姓名：<Redacted reason="privacy" />。')).toContain(
      '<span class="redacted" data-reason="privacy">［此处内容已删除：涉及个人隐私］</span>',
    );
  });
  it('Attachment is a link', () => {
    expect(html('<Attachment href="https://example.org/plan.pdf" title="实施方案" />')).toContain(
      '<a class="attachment" href="https://example.org/plan.pdf">附件：实施方案</a>',
    );
  });
  it('Attachment without href says the file is not published here, and links nowhere', () => {
    const out = html('<Attachment title="《2024年停车设施建设计划》" />');
    expect(out).toContain('附件：《2024年停车设施建设计划》（本站未收录附件文件）');
    expect(out).not.toContain('href=""');
    expect(out).not.toMatch(/<a class="attachment"/);
  });
  describe('Signature (落款)', () => {
    const body = '第一段。\n\n第二段。\n\n<Signature>\n深圳市发展和改革委员会\n2024年5月24日\n</Signature>\n';
    it('keeps its lines apart, right-aligned by its class', () => {
      expect(html(body)).toContain(
        '<div class="signature" data-pagefind-ignore=""><p><span>深圳市发展和改革委员会<br>2024年5月24日</span></p></div>',
      );
    });
    it('takes no paragraph number, anchor or ¶, and the body keeps its numbers', () => {
      const out = html(body);
      expect(out.match(/id="p\d+"/g)).toEqual(['id="p1"', 'id="p2"']);
      expect(out.match(/¶/g)).toHaveLength(2);
      expect(out).not.toMatch(/<div class="para"[^>]*><a [^>]+>¶<\/a><div class="signature"/);
    });
    it('a body paragraph after it keeps counting from where the body left off', () => {
      const out = html('一。\n\n<Signature>\n某单位\n</Signature>\n\n<Attachment title="《方案》" />');
      expect(out.match(/id="p\d+"/g)).toEqual(['id="p1"', 'id="p2"']);
    });
    it('on one line it is the same 落款', () => {
      expect(html('一。\n\n<Signature>深圳市发展和改革委员会</Signature>')).toContain(
        '<div class="signature" data-pagefind-ignore=""><p>深圳市发展和改革委员会</p></div>',
      );
    });
    it('paragraph anchors of a page with several replies skip it too', () => {
      const out = prefixAnchors(html(body), 'fgw', '/proposals/7-1/20210001/fgw/');
      expect(out).toContain('<div class="signature"');
      expect(out.match(/id="fgw-p\d+"/g)).toEqual(['id="fgw-p1"', 'id="fgw-p2"']);
    });
  });
  it('GFM tables', () => {
    expect(html('| 项目 | 数量 |\n| --- | --- |\n| 泊位 | 3 |\n')).toMatch(
      /<table>[\s\S]*<th>项目<\/th>[\s\S]*<td>3<\/td>/,
    );
  });
  it('escapes text', () => {
    expect(html('a &lt; b & c')).toContain('a &#x3C; b &#x26; c');
  });
});
