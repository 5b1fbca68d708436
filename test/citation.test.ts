/** Citations of a published reply: GB/T 7714-2015, biblatex, CSL-JSON, RIS; whole reply and one paragraph. */
import { describe, expect, it } from 'vitest';
import { citationFacts, citationKey, replyJsonLd, replyTitle, type CitationContext } from '../src/lib/citation.ts';
import {
  bibtex,
  citationFormats,
  cslJson,
  formatCitation,
  formatGbt7714,
  gbt7714,
  ris,
  texEscape,
} from '../src/lib/citation-formats.ts';
import type { PublishedEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import { dateParts, importCitation } from './citation-import.ts';
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
const url = 'https://replies.example.org/proposals/7-1/20210009/sfj/';

describe('GB/T 7714-2015', () => {
  it('cites the reply as an electronic resource: 单位. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 地址.', () => {
    expect(gbt7714(reply, ctx)).toBe(
      `深圳市司法局. ${title}: 深司函〔2021〕12号[EB/OL]. (2021-09-27)[2030-01-01]. ${url}.`,
    );
  });
  it('puts 第3段 after the title block, in the locator place, and #p3 on the address', () => {
    const cited = gbt7714(reply, ctx, 3);
    expect(cited).toBe(`深圳市司法局. ${title}: 深司函〔2021〕12号[EB/OL]. 第3段(2021-09-27)[2030-01-01]. ${url}#p3.`);
    // The title block (up to [EB/OL]) is the same as the whole reply's.
    const block = (s: string) => s.slice(0, s.indexOf('[EB/OL]'));
    expect(block(cited)).toBe(block(gbt7714(reply, ctx)));
  });
  it('uses the standard half-width separators only: no full-width punctuation outside the title and 文号', () => {
    for (const p of [undefined, 3]) {
      const rest = gbt7714(reply, ctx, p).replace(title, '').replace('深司函〔2021〕12号', '');
      expect(rest).not.toMatch(/[：，。；（）【】　]/);
      expect(rest).toMatch(
        /^深圳市司法局\. : \[EB\/OL\]\. (第3段)?\(\d{4}-\d\d-\d\d\)\[\d{4}-\d\d-\d\d\]\. https:\/\/\S+\.$/,
      );
    }
  });
  it('leaves out the document number when there is none, and falls back to the short unit name', () => {
    const { docNo: _docNo, ...noDoc } = reply;
    const { unitFullName: _full, ...shortCtx } = ctx;
    expect(gbt7714(noDoc, shortCtx)).toBe(`市司法局. ${title}[EB/OL]. (2021-09-27)[2030-01-01]. ${url}.`);
  });
  it('marks a summary as such', () => {
    expect(replyTitle(ctx.proposalTitle, 'summary')).toBe(`${title}（摘要）`);
    expect(gbt7714({ ...reply, disclosure: 'summary' }, ctx)).toContain(`${title}（摘要）: 深司函`);
  });
  it('calls a co-handling opinion 协办意见', () => {
    expect(gbt7714(reply, { ...ctx, role: 'co' })).toContain(
      '关于大力发展律师行业，助推法治城市示范建设的提案的协办意见: 深司函',
    );
  });
  it('replaces a fragment already on the address', () => {
    expect(gbt7714(reply, { ...ctx, url: `${ctx.url}#p9` }, 2)).toContain('/sfj/#p2.');
  });
  it('takes the access date the reader copies on, and checks it', () => {
    const facts = citationFacts(reply, ctx);
    expect(formatGbt7714(facts, { accessed: '2026-11-28' })).toContain('(2021-09-27)[2026-11-28]. ');
    expect(() => formatGbt7714(facts, { accessed: '28/11/2026' })).toThrow(RangeError);
  });
});

describe("the document's own title", () => {
  const own = '关于市政协七届一次会议第20210009号提案答复的函';
  const withTitle = { ...ctx, documentTitle: own };
  it('is the title in every format, the composed one in none', () => {
    const texts = [
      gbt7714(reply, withTitle),
      bibtex(reply, withTitle),
      JSON.stringify(cslJson(reply, withTitle)),
      ris(reply, withTitle),
    ];
    for (const text of texts) {
      expect(text).toContain(own);
      expect(text).not.toContain(title);
    }
    expect(gbt7714(reply, withTitle)).toMatch(/^深圳市司法局\. 关于市政协七届一次会议第20210009号提案答复的函: 深司函/);
    expect(replyJsonLd(reply, { ...withTitle, proposalUrl: 'p', siteUrl: 's' }).name).toBe(own);
  });
  it('is marked （摘要） when only a summary is published, and ignored when blank', () => {
    expect(replyTitle('关于X的提案', 'summary', { documentTitle: own })).toBe(`${own}（摘要）`);
    expect(replyTitle('关于X的提案', 'public', { documentTitle: '  ' })).toBe('关于X的提案的答复');
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

describe('BibTeX (biblatex)', () => {
  it('writes a @report with type, number, institution, full date and urldate', () => {
    const b = bibtex(reply, ctx);
    expect(b.startsWith('@report{reply-7-1-20210009-sfj,\n')).toBe(true);
    expect(b).toContain(`  title = {{${title}}}`);
    expect(b).toContain('  author = {{深圳市司法局}}');
    expect(b).toContain('  institution = {{深圳市司法局}}');
    expect(b).toContain('  type = {提案答复}');
    expect(b).toContain('  number = {深司函〔2021〕12号}');
    expect(b).toContain('  date = {2021-09-27}');
    expect(b).toContain(`  url = {${url}}`);
    expect(b).toContain('  urldate = {2030-01-01}');
    expect(b).toContain('  note = {市政协七届一次会议第20210009号提案；答复日期：2021-09-22}');
    expect(b).not.toMatch(/\byear =|howpublished|文号：/);
    expect(b.trimEnd().endsWith('}')).toBe(true);
    expect(bracesBalance(b)).toBe(true);
  });
  it('keys and anchors a paragraph citation; the url field is verbatim, so # stays as it is', () => {
    const b = bibtex(reply, ctx, 3);
    expect(citationKey(reply, 3)).toBe('reply-7-1-20210009-sfj-p3');
    expect(b.startsWith('@report{reply-7-1-20210009-sfj-p3,')).toBe(true);
    expect(b).toContain(`  url = {${url}#p3}`);
    expect(b).toContain('第3段}');
    expect(b).toContain(`  title = {{${title}}}`);
  });
  it('has no number field without a document number', () => {
    const { docNo: _docNo, ...noDoc } = reply;
    expect(bibtex(noDoc, ctx)).not.toContain('number =');
  });
  it('escapes braces and TeX special characters', () => {
    expect(texEscape('a{b}c $5 & 10% #1 x_y ^ ~ \\')).toBe(
      'a\\{b\\}c \\$5 \\& 10\\% \\#1 x\\_y \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
    const b = bibtex(reply, { ...ctx, proposalTitle: '关于{括号}与 100% & _下划线_ 的提案', unitFullName: 'A&B}局' });
    expect(b).toContain('title = {{关于\\{括号\\}与 100\\% \\& \\_下划线\\_ 的提案的答复}}');
    expect(b).toContain('author = {{A\\&B\\}局}}');
    expect(bracesBalance(b)).toBe(true);
    expect(importCitation(b)).toMatchObject({
      title: '关于{括号}与 100% & _下划线_ 的提案的答复',
      authors: [{ name: 'A&B}局', split: false }],
    });
  });
});

describe('CSL-JSON', () => {
  it('is a report with author, dates, number, publisher and container', () => {
    const c = cslJson(reply, ctx);
    expect(c).toMatchObject({
      id: 'reply-7-1-20210009-sfj',
      type: 'report',
      genre: '提案答复',
      title,
      author: [{ literal: '深圳市司法局' }],
      issued: { 'date-parts': [[2021, 9, 27]] },
      accessed: { 'date-parts': [[2030, 1, 1]] },
      URL: url,
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
    expect(c.URL).toBe(`${url}#p2`);
    expect(c.note).toContain('第2段');
    expect(c.title).toBe(title);
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
    expect(lines).toContain(`UR  - ${url}`);
    expect(lines).toContain('SN  - 深司函〔2021〕12号');
    expect(lines).toContain('Y2  - 2030/01/01');
  });
  it('anchors a paragraph and keeps values on one line', () => {
    const r = ris(reply, { ...ctx, proposalTitle: '关于\n换行的提案' }, 4);
    expect(r).toContain(`UR  - ${url}#p4\r\n`);
    expect(r).toContain('TI  - 关于 换行的提案的答复\r\n');
    expect(r).toContain('第4段');
  });
});

describe('imported by a reference manager (citation-js)', () => {
  const facts = citationFacts(reply, ctx);
  const cases = [
    ['the whole reply', {}, url, '2030-01-01'],
    ['paragraph 3, copied on another day', { paragraph: 3, accessed: '2026-11-28' }, `${url}#p3`, '2026-11-28'],
  ] as const;
  // GB/T 7714 is prose for people, not a format reference managers import: its own tests above check it.
  for (const format of citationFormats.filter((f) => f.id !== 'gbt')) {
    for (const [what, at, address, accessed] of cases) {
      it(`${format.label}, ${what}: every field round-trips`, () => {
        expect(importCitation(formatCitation(format.id, facts, at))).toEqual({
          title,
          authors: [{ name: '深圳市司法局', split: false }],
          issued: dateParts('2021-09-27'),
          accessed: dateParts(accessed),
          number: '深司函〔2021〕12号',
          URL: address,
          type: 'report',
        });
      });
    }
  }
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

describe('JSON-LD', () => {
  const ld = (r: PublishedEntryData, c: CitationContext = ctx) =>
    replyJsonLd(r, { ...c, proposalUrl: `${url}..`, siteUrl: 'https://replies.example.org/' });
  it('is a Report by a government organisation with its number, dates and title', () => {
    expect(ld(reply)).toMatchObject({
      '@type': 'Report',
      '@id': url,
      name: title,
      reportNumber: '深司函〔2021〕12号',
      identifier: [{ '@type': 'PropertyValue', propertyID: '文号', value: '深司函〔2021〕12号' }],
      datePublished: '2021-09-27',
      dateCreated: '2021-09-22',
      author: { '@type': 'GovernmentOrganization', name: '深圳市司法局' },
    });
  });
  it('names the 索引号 beside the 文号, and neither when there is none', () => {
    expect(ld({ ...reply, indexNo: '11440300007542/2021-00123' }).identifier).toEqual([
      { '@type': 'PropertyValue', propertyID: '文号', value: '深司函〔2021〕12号' },
      { '@type': 'PropertyValue', propertyID: '索引号', value: '11440300007542/2021-00123' },
    ]);
    const { docNo: _docNo, ...noDoc } = reply;
    expect(ld(noDoc)).not.toHaveProperty('identifier');
  });
});
