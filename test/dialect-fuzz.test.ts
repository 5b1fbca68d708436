/**
 * Property-based tests of the dialect (fast-check): bodies built at random from
 * a grammar of hostile pieces either fail validation or render HTML that, read
 * by a real HTML parser (parse5, through hast-util-from-html), has no script,
 * no event-handler attribute, and no address a browser would run or follow
 * off-site. Seeded, so a failure is reproducible with the seed it prints.
 */
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseBody, renderBody } from '../src/lib/model/dialect/index.ts';

const SEED = 20261128;
const RUNS = 3000;

/** Pieces an attacker (or a careless paste from Word or a web page) might write. */
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<iframe src="//evil.example">',
  '<!-- 注释 -->',
  '<style>body{}</style>',
  '<Aside>',
  '</Aside>',
  '<Aside>说明</Aside>',
  '<Redacted reason="privacy" />',
  '<Redacted reason="privacy" onclick="x" />',
  '<Attachment href="javascript:alert(1)" title="附件" />',
  '<Attachment href="/files/a.pdf" title="附件" />',
  '<Attachment href="\\\\evil.example" title="a" />',
  '<Attachment href=" //evil.example" title="a" />',
  '<Signature>',
  '</Signature>',
  '<Foo bar="1" />',
  '{alert(1)}',
  '{',
  '}',
  'import x from "y"',
  'export const a = 1',
  '<javascript:alert(1)>',
  '<https://example.org>',
  '<mailto:a@b.cn>',
  '[a](javascript:alert(1))',
  '[a](JaVaScRiPt:alert(1))',
  '[a](java\tscript:alert(1))',
  '[a](&#106;avascript:alert(1))',
  '[a](javascript&colon;alert(1))',
  '[a](data:text/html,<script>alert(1)</script>)',
  '[a](vbscript:msgbox)',
  '[a](//evil.example)',
  '[a](\\\\evil.example)',
  '[a](/\\evil.example)',
  '[a](https://example.org "t")',
  '![i](data:image/png;base64,AAAA)',
  '![i](/images/a.png)',
  '[r][d]',
  '[d]: javascript:alert(1)',
  '[d]: https://example.org',
  '[e]: //evil.example',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '\\<script\\>',
  '\\',
  '＜script＞alert(1)＜/script＞',
  'ｊａｖａｓｃｒｉｐｔ：alert(1)',
  '\u200b',
  '\u202e',
  '\u0000',
  '\u0007',
  '`<script>`',
  '```\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '| a | b |\n| - | - |\n| <b>x</b> | [y](javascript:z) |',
  '**粗体**',
  '- 列表',
  '1. 编号',
  '> 引用',
  '正文文字。',
  '关于印发<长春市2025年城市体检工作方案>的通知',
  'a<b',
  '3 < 5',
];

const separators = ['', ' ', '\n', '\n\n', '\r\n', '\t'];

/** Pieces that pass on their own, so that many bodies reach the renderer with a few hostile pieces inside. */
const passing = [
  '<Aside>说明</Aside>',
  '<Redacted reason="privacy" />',
  '<Attachment href="/files/a.pdf" title="附件" />',
  '<https://example.org>',
  '[a](https://example.org "t")',
  '[r][d]',
  '[d]: https://example.org',
  '![i](/images/a.png)',
  '&lt;script&gt;',
  '&#60;script&#62;',
  '\\<script\\>',
  '＜script＞alert(1)＜/script＞',
  'ｊａｖａｓｃｒｉｐｔ：alert(1)',
  '\u200b',
  '\u202e',
  '`<script>`',
  '**粗体**',
  '- 列表',
  '1. 编号',
  '> 引用',
  '正文文字。',
  '[a](&#106;avascript:alert(1))',
  '[a](javascript&colon;alert(1))',
];

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...passing), weight: 8 },
  { arbitrary: fc.constantFrom(...hostile), weight: 1 },
);

const body = fc
  .array(fc.tuple(piece, fc.constantFrom(...separators)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

/** An address as a browser reads it: tab and newline removed, leading and trailing controls and spaces trimmed. */
function asBrowserReads(url: string): string {
  return url
    .replace(/[\t\n\r]/g, '')
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '')
    .toLowerCase();
}

function dangers(html: string): string[] {
  const found: string[] = [];
  const tree: Root = fromHtml(html, { fragment: true });
  visit(tree, 'element', (el: Element) => {
    if (
      ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'math', 'form', 'base', 'meta', 'link'].includes(
        el.tagName,
      )
    )
      found.push(`<${el.tagName}>`);
    for (const [name, value] of Object.entries(el.properties)) {
      if (/^on/i.test(name)) found.push(`${el.tagName}.${name}`);
      if (['href', 'src', 'action', 'formAction', 'xLinkHref', 'srcSet'].includes(name)) {
        const url = asBrowserReads(String(value));
        if (/^(javascript|data|vbscript|file):/.test(url) || url.startsWith('//') || url.includes('\\'))
          found.push(`${el.tagName}.${name}=${String(value)}`);
      }
    }
  });
  return found;
}

describe('hostile bodies (fast-check)', () => {
  it(`either fail validation or render safe HTML (${RUNS} cases, seed ${SEED})`, () => {
    let rendered = 0;
    fc.assert(
      fc.property(body, (text) => {
        const parsed = parseBody('fuzz.mdx', text, 1);
        if (parsed.problems.length > 0 || !parsed.tree) return true;
        rendered += 1;
        const html = renderBody(parsed.tree);
        expect(dangers(html), `${JSON.stringify(text)}\n→ ${html}`).toEqual([]);
        return true;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The grammar must reach the renderer often enough to mean something.
    expect(rendered).toBeGreaterThan(RUNS / 10);
  });

  it('every problem names a line and column inside the body', () => {
    fc.assert(
      fc.property(body, (text) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const p of parseBody('fuzz.mdx', text, 10).problems) {
          expect(p.line, JSON.stringify(text)).toBeGreaterThanOrEqual(10);
          expect(p.line, JSON.stringify(text)).toBeLessThanOrEqual(10 + lines);
          expect(p.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});
