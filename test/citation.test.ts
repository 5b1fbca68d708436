/** Citations of a published reply: GB/T 7714-2015, BibTeX, CSL-JSON, RIS; whole reply and one paragraph. */
import { describe, expect, it } from 'vitest';
import {
  bibtex,
  citationKey,
  cslJson,
  gbt7714,
  replyTitle,
  ris,
  texEscape,
  type CitationContext,
} from '../src/lib/citation.ts';
import type { PublishedEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import { publishedReply } from './helpers.ts';

const reply: PublishedEntryData = publishedReply();

const ctx: CitationContext = {
  proposalTitle: '关于大力发展律师行业，助推法治城市示范建设的提案',
  unitName: '市司法局',
  unitFullName: '深圳市司法局',
  sessionName: '市政协七届一次会议',
  siteTitle: '提案答复公开',
  url: 'https://replies.example.org/proposals/7-1/20210009/sfj/',
  buildDate: '2030-01-01',
};

const title = '关于大力发展律师行业，助推法治城市示范建设的提案的答复';

describe('GB/T 7714-2015', () => {
  it('cites the reply as an electronic resource', () => {
    expect(gbt7714(reply, ctx)).toBe(
      `深圳市司法局. ${title}：深司函〔2021〕12号[EB/OL]. (2021-09-27)[2030-01-01]. https://replies.example.org/proposals/7-1/20210009/sfj/.`,
    );
  });
  it('cites a paragraph: 第3段 and the #p3 anchor', () => {
    expect(gbt7714(reply, ctx, 3)).toBe(
      `深圳市司法局. ${title}：深司函〔2021〕12号，第3段[EB/OL]. (2021-09-27)[2030-01-01]. https://replies.example.org/proposals/7-1/20210009/sfj/#p3.`,
    );
  });
  it('leaves out the document number when there is none, and falls back to the short unit name', () => {
    const { docNo: _docNo, ...noDoc } = reply;
    const { unitFullName: _full, ...shortCtx } = ctx;
    expect(gbt7714(noDoc, shortCtx)).toBe(
      `市司法局. ${title}[EB/OL]. (2021-09-27)[2030-01-01]. https://replies.example.org/proposals/7-1/20210009/sfj/.`,
    );
  });
  it('marks a summary as such', () => {
    expect(replyTitle(ctx.proposalTitle, 'summary')).toBe(`${title}（摘要）`);
    expect(gbt7714({ ...reply, disclosure: 'summary' }, ctx)).toContain(`${title}（摘要）：深司函`);
  });
  it('replaces a fragment already on the address', () => {
    expect(gbt7714(reply, { ...ctx, url: `${ctx.url}#p9` }, 2)).toContain('/sfj/#p2.');
  });
});

/** True when every `{` has its `}` (escaped braces do not count). */
function bracesBalance(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === '{') depth++;
    if (s[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe('BibTeX', () => {
  it('writes a @misc entry with a stable key and the right fields', () => {
    const b = bibtex(reply, ctx);
    expect(b.startsWith('@misc{reply-7-1-20210009-sfj,\n')).toBe(true);
    expect(b).toContain(`  title = {{${title}}}`);
    expect(b).toContain('  author = {{深圳市司法局}}');
    expect(b).toContain('  year = {2021}');
    expect(b).toContain('  howpublished = {\\url{https://replies.example.org/proposals/7-1/20210009/sfj/}}');
    expect(b).toMatch(
      / {2}note = \{文号：深司函〔2021〕12号；市政协七届一次会议第20210009号提案；答复日期：2021-09-22\}/,
    );
    expect(b).toContain('  urldate = {2030-01-01}');
    expect(b.trimEnd().endsWith('}')).toBe(true);
    expect(bracesBalance(b)).toBe(true);
  });
  it('keys and anchors a paragraph citation', () => {
    const b = bibtex(reply, ctx, 3);
    expect(citationKey(reply, 3)).toBe('reply-7-1-20210009-sfj-p3');
    expect(b.startsWith('@misc{reply-7-1-20210009-sfj-p3,')).toBe(true);
    expect(b).toContain('\\url{https://replies.example.org/proposals/7-1/20210009/sfj/\\#p3}');
    expect(b).toContain('第3段');
  });
  it('escapes braces and TeX special characters', () => {
    expect(texEscape('a{b}c $5 & 10% #1 x_y ^ ~ \\')).toBe(
      'a\\{b\\}c \\$5 \\& 10\\% \\#1 x\\_y \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
    const b = bibtex(reply, { ...ctx, proposalTitle: '关于{括号}与 100% & _下划线_ 的提案', unitFullName: 'A&B}局' });
    expect(b).toContain('title = {{关于\\{括号\\}与 100\\% \\& \\_下划线\\_ 的提案的答复}}');
    expect(b).toContain('author = {{A\\&B\\}局}}');
    expect(bracesBalance(b)).toBe(true);
  });
});

describe('CSL-JSON', () => {
  it('is a report with author, dates, number, publisher and container', () => {
    const c = cslJson(reply, ctx);
    expect(c).toMatchObject({
      id: 'reply-7-1-20210009-sfj',
      type: 'report',
      title,
      author: [{ literal: '深圳市司法局' }],
      issued: { 'date-parts': [[2021, 9, 27]] },
      accessed: { 'date-parts': [[2030, 1, 1]] },
      URL: 'https://replies.example.org/proposals/7-1/20210009/sfj/',
      number: '深司函〔2021〕12号',
      publisher: '深圳市司法局',
      'container-title': '提案答复公开',
    });
    // Round-trips through JSON unchanged: plain data only.
    expect(JSON.parse(JSON.stringify(c))).toEqual(c);
  });
  it('has no number without a document number, and anchors a paragraph', () => {
    const { docNo: _docNo, ...noDoc } = reply;
    const c = cslJson(noDoc, ctx, 2);
    expect(c).not.toHaveProperty('number');
    expect(c.URL).toBe('https://replies.example.org/proposals/7-1/20210009/sfj/#p2');
    expect(c.note).toContain('第2段');
  });
});

describe('RIS', () => {
  it('writes one record with CRLF line endings', () => {
    const r = ris(reply, ctx);
    const lines = r.split('\r\n');
    expect(r.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('TY  - RPRT');
    expect(lines.at(-2)).toBe('ER  - ');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /);
    expect(lines).toContain(`TI  - ${title}`);
    expect(lines).toContain('AU  - 深圳市司法局');
    expect(lines).toContain('PY  - 2021');
    expect(lines).toContain('DA  - 2021/09/27/');
    expect(lines).toContain('UR  - https://replies.example.org/proposals/7-1/20210009/sfj/');
    expect(lines).toContain('SN  - 深司函〔2021〕12号');
    expect(lines).toContain('Y2  - 2030/01/01');
  });
  it('anchors a paragraph and keeps values on one line', () => {
    const r = ris(reply, { ...ctx, proposalTitle: '关于\n换行的提案' }, 4);
    expect(r).toContain('UR  - https://replies.example.org/proposals/7-1/20210009/sfj/#p4\r\n');
    expect(r).toContain('TI  - 关于 换行的提案的答复\r\n');
    expect(r).toContain('第4段');
  });
});

describe('defence in depth', () => {
  it('refuses anything that is not published', () => {
    const withheld: ReplyEntryData = { ...reply, state: 'withheld', withheldReason: 'privacy' };
    for (const cite of [gbt7714, bibtex, cslJson, ris]) {
      expect(() => cite(withheld as unknown as PublishedEntryData, ctx)).toThrow();
      expect(() => cite({ ...reply, state: 'unpublished' } as unknown as PublishedEntryData, ctx)).toThrow();
    }
  });
  it('refuses a paragraph number that is not a positive integer', () => {
    for (const p of [0, -1, 1.5, Number.NaN]) expect(() => gbt7714(reply, ctx, p)).toThrow(RangeError);
  });
});
