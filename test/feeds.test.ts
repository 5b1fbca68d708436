/** Atom feeds: well-formed, newest first, escaped, and built from published replies only. */
import { describe, expect, it } from 'vitest';
import type { ProposalEntryData, PublishedEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import { atomFeed, dayPlusSeconds, FEED_STYLESHEETS, type FeedEntry } from '../src/lib/atom.ts';
import { correctionFeedEntries, correctionTag, replyFeedEntries } from '../src/lib/feeds.ts';
import { excerpt, plainText, textFromMarkdown } from '../src/lib/plain-text.ts';
import { escapeXml } from '../src/lib/xml.ts';
import type { Unit } from '../src/lib/model/schemas/registry.ts';

const SECRET = 'CANARY-不得公开的正文';
const siteUrl = 'https://replies.example.org';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * A tiny XML reader, enough to check well-formedness of what atomFeed writes:
 * one declaration, matching tags, quoted attributes, only the five predefined
 * entities (and numeric ones), no stray `<` or `&` in text.
 */
function parseXml(xml: string): XmlElement {
  // The declaration, then any processing instructions (the browser stylesheets).
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\n(?:<\?xml-stylesheet [^?]*\?>\n)*/.exec(xml);
  if (!decl) throw new Error('missing XML declaration');
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const decode = (s: string) => {
    if (/&/.test(s.replace(entity, ''))) throw new Error(`bad entity in ${JSON.stringify(s)}`);
    return s.replace(entity, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" })[e] ?? e);
  };
  const token = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack = [root];
  const body = xml.slice(decl[0].length);
  let m: RegExpExecArray | null;
  let pos = 0;
  while (pos < body.length) {
    token.lastIndex = pos;
    m = token.exec(body);
    if (!m) throw new Error(`not well-formed at ${pos}: ${body.slice(pos, pos + 40)}`);
    pos = token.lastIndex;
    const [, close, name, attrText, selfClose, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (stack.length === 1 && text.trim()) throw new Error('text outside the root element');
      top.text += decode(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2]);
      }
      const el: XmlElement = { name, attrs, children: [], text: '' };
      top.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (root.children.length !== 1) throw new Error('there must be exactly one root element');
  return root.children[0];
}

const child = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

const units: Unit[] = [
  { id: 'sfj', name: '市司法局', fullName: '深圳市司法局', kind: 'department' },
  { id: 'fgw', name: '市发展改革委', kind: 'department' },
];
const proposal = (number: string, title: string): ProposalEntryData => ({
  id: `7-1/${number}`,
  session: '7-1',
  number,
  body: '',
  data: {
    number,
    title,
    kind: 'plenary',
    proposers: ['m'],
    topics: ['law'],
    units: [
      { unit: 'sfj', role: 'lead' },
      { unit: 'fgw', role: 'co' },
    ],
  },
});
const proposals = [proposal('20210001', '关于 <法治> & "营商环境" 的提案'), proposal('20210002', '关于人才的提案')];

const reply = (number: string, unit: string, publishedOn: string, extra: Partial<PublishedEntryData> = {}) =>
  ({
    id: `7-1/${number}/${unit}`,
    session: '7-1',
    number,
    unit,
    proposal: `7-1/${number}`,
    state: 'published',
    disclosure: 'public',
    category: 'A',
    repliedOn: publishedOn,
    publishedOn,
    corrections: [],
    commitments: [],
    body: '**我局**已[落实](https://example.org)。\n\n<Aside>数据截至 6 月。</Aside>\n\n<Redacted reason="privacy" />\n\n| 项目 | 数量 |\n| --- | --- |\n| 集群 | 20 |\n',
    ...extra,
  }) satisfies PublishedEntryData;

const replies: ReplyEntryData[] = [
  reply('20210001', 'sfj', '2021-07-01', {
    corrections: [
      { on: '2021-09-01', note: '更正第三段数据' },
      { on: '2021-10-08', note: '补充附件' },
    ],
  }),
  reply('20210001', 'fgw', '2021-09-27', { disclosure: 'summary', body: '长'.repeat(500) }),
  reply('20210002', 'sfj', '2021-08-15', { corrections: [{ on: '2021-10-08', note: '更正文号' }] }),
  { ...reply('20210002', 'fgw', '2021-12-01'), state: 'unpublished', body: SECRET } as unknown as ReplyEntryData,
  {
    ...reply('20210002', 'fgw', '2021-11-01'),
    state: 'withheld',
    withheldReason: 'privacy',
    body: SECRET,
  } as unknown as ReplyEntryData,
];

const lookups = {
  siteUrl,
  proposals: new Map(proposals.map((p) => [p.id, p])),
  units: new Map(units.map((u) => [u.id, u])),
  topics: new Map([['law', { id: 'law', name: '法治建设' }]]),
};

const feedOf = (entries: FeedEntry[]) =>
  atomFeed({
    id: `${siteUrl}/feeds/replies.xml`,
    title: '提案答复公开 · 最新答复',
    subtitle: '新公开的答复',
    selfUrl: `${siteUrl}/feeds/replies.xml`,
    alternateUrl: `${siteUrl}/`,
    updated: '2030-01-01',
    entries,
  });

describe('plainText and excerpt', () => {
  it("reads the body as the page shows it, in words, on one line: the downloads' text, line breaks as spaces", () => {
    const body = replies[0].state === 'published' ? replies[0].body : '';
    expect(plainText(body)).toBe(
      '我局已落实。 说明：数据截至 6 月。 ［此处内容已删除：涉及个人隐私］ 项目 数量 集群 20',
    );
    expect(plainText(body)).toBe(textFromMarkdown(body).replace(/\n/g, ' '));
    expect(plainText('<Attachment href="/a.pdf" title="清单" />')).toBe('附件：清单');
    expect(plainText('<Attachment title="清单" />')).toBe(textFromMarkdown('<Attachment title="清单" />'));
  });
  it('keeps at most 200 characters', () => {
    expect(excerpt('短')).toBe('短');
    const long = excerpt('长'.repeat(500));
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(Array.from(excerpt('😀'.repeat(300)))).toHaveLength(200);
  });
});

describe('replyFeedEntries', () => {
  const entries = replyFeedEntries(replies, lookups, 10);
  it('lists published replies only, newest published first', () => {
    expect(entries.map((e) => e.id)).toEqual([
      `${siteUrl}/proposals/7-1/20210001/fgw/`,
      `${siteUrl}/proposals/7-1/20210002/sfj/`,
      `${siteUrl}/proposals/7-1/20210001/sfj/`,
    ]);
    expect(JSON.stringify(entries)).not.toContain(SECRET);
  });
  it('fills title, dates, author, categories and a short plain summary', () => {
    const sfj = entries.find((e) => e.id.endsWith('/20210001/sfj/'))!;
    expect(sfj).toMatchObject({
      title: '市司法局：关于 <法治> & "营商环境" 的提案的答复',
      url: `${siteUrl}/proposals/7-1/20210001/sfj/`,
      published: '2021-07-01',
      // The day of its newest correction; the other reply corrected that day is listed first, one second later.
      updated: '2021-10-08T00:00:00+08:00',
      author: '市司法局',
      categories: [
        { term: 'A', label: 'A 类 · 已解决或基本解决' },
        { term: 'law', label: '法治建设' },
      ],
    });
    expect(sfj.summary).not.toMatch(/[*<>|[\]]/);
    for (const e of entries) expect(Array.from(e.summary).length).toBeLessThanOrEqual(200);
    expect(entries[0].title).toContain('（摘要）');
  });
  it('honours the limit', () => {
    expect(replyFeedEntries(replies, lookups, 1).map((e) => e.published)).toEqual(['2021-09-27']);
  });
});

describe('distinct updated instants (the W3C validator warns on shared ones)', () => {
  // Five replies published on one day, one of them corrected later, one on another day.
  const sameDay = ['20210003', '20210001', '20210005', '20210004'].map((n) => reply(n, 'fgw', '2022-03-01'));
  const corpus = [
    ...sameDay,
    reply('20210002', 'fgw', '2022-03-01', { corrections: [{ on: '2022-04-02', note: '更正' }] }),
    reply('20210006', 'fgw', '2022-02-28'),
  ];
  const lk = { ...lookups, proposals: new Map(corpus.map((r) => [r.proposal, proposal(r.number, `提案${r.number}`)])) };

  it('gives each entry the day plus an offset in seconds, falling down the feed', () => {
    const entries = replyFeedEntries(corpus, lk, 10);
    const xmlFeed = parseXml(feedOf(entries));
    const listed = child(xmlFeed, 'entry').map((e) => [
      child(e, 'id')[0].text.split('/').at(-3),
      child(e, 'updated')[0].text,
    ]);
    expect(listed).toEqual([
      ['20210002', '2022-04-02T00:00:00+08:00'],
      ['20210001', '2022-03-01T00:00:03+08:00'],
      ['20210003', '2022-03-01T00:00:02+08:00'],
      ['20210004', '2022-03-01T00:00:01+08:00'],
      ['20210005', '2022-03-01T00:00:00+08:00'],
      ['20210006', '2022-02-28T00:00:00+08:00'],
    ]);
    const instants = child(xmlFeed, 'entry').map((e) => child(e, 'updated')[0].text);
    expect(new Set(instants).size).toBe(instants.length);
    expect(instants).toEqual([...instants].sort().reverse());
  });

  it('is deterministic and the same in a feed of a subset (a unit feed) as in the whole feed', () => {
    const whole = replyFeedEntries(corpus, lk, 10);
    expect(replyFeedEntries([...corpus].reverse(), lk, 10)).toEqual(whole);
    const subset = replyFeedEntries(corpus.slice(1, 3), lk, 10, corpus);
    for (const e of subset) expect(e.updated).toBe(whole.find((w) => w.id === e.id)!.updated);
  });

  it('moves the feed updated to its newest entry when that is later than the build day', () => {
    const entries = replyFeedEntries(corpus, lk, 10);
    const feed = parseXml(
      atomFeed({ id: 'x', title: 't', selfUrl: 's', alternateUrl: 'a', updated: '2022-04-02', entries }),
    );
    expect(child(feed, 'updated')[0].text).toBe('2022-04-02T00:00:00+08:00');
    const later = parseXml(
      atomFeed({
        id: 'x',
        title: 't',
        selfUrl: 's',
        alternateUrl: 'a',
        updated: '2022-03-01',
        entries: entries.filter((e) => !e.id.includes('/20210002/')),
      }),
    );
    expect(child(later, 'updated')[0].text).toBe('2022-03-01T00:00:03+08:00');
  });

  it('keeps offsets within the day', () => {
    expect(dayPlusSeconds('2022-03-01', 86_399)).toBe('2022-03-01T23:59:59+08:00');
    expect(() => dayPlusSeconds('2022-03-01', 86_400)).toThrow(/0–86399/);
  });
});

describe('correctionFeedEntries', () => {
  const entries = correctionFeedEntries(replies, lookups);
  it('has one entry per correction, newest first, ids with date and index', () => {
    expect(entries.map((e) => e.id)).toEqual([
      'tag:replies.example.org,2021-10-08:/proposals/7-1/20210001/sfj/corrections/2',
      'tag:replies.example.org,2021-10-08:/proposals/7-1/20210002/sfj/corrections/1',
      'tag:replies.example.org,2021-09-01:/proposals/7-1/20210001/sfj/corrections/1',
    ]);
    expect(entries.map((e) => e.summary)).toEqual(['补充附件', '更正文号', '更正第三段数据']);
    expect(entries[0].url).toBe(`${siteUrl}/proposals/7-1/20210001/sfj/`);
    expect(correctionTag(`${siteUrl}/proposals/7-1/1/x/`, '2022-01-02', 3)).toBe(
      'tag:replies.example.org,2022-01-02:/proposals/7-1/1/x/corrections/3',
    );
  });
});

describe('atomFeed', () => {
  const xml = feedOf(replyFeedEntries(replies, lookups, 10));
  const feed = parseXml(xml);

  it('asks a browser for the subscription page (XSL, CSS where XSLT is gone) in the prolog, before the root', () => {
    expect(xml.split('\n').slice(0, 4)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>',
      '<?xml-stylesheet type="text/css" href="/feeds/feed.css"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    ]);
    expect(FEED_STYLESHEETS).toHaveLength(2);
  });
  it('is well-formed Atom 1.0 with the required feed elements', () => {
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(child(feed, name)).toHaveLength(1);
    expect(child(feed, 'updated')[0].text).toBe('2030-01-01T00:00:00+08:00');
    const links = child(feed, 'link').map((l) => [l.attrs.rel, l.attrs.href]);
    expect(links).toEqual([
      ['self', `${siteUrl}/feeds/replies.xml`],
      ['alternate', `${siteUrl}/`],
    ]);
  });
  it('gives every entry id, title, updated (RFC 3339), link and author', () => {
    const entries = child(feed, 'entry');
    expect(entries).toHaveLength(3);
    for (const e of entries) {
      for (const name of ['id', 'title', 'updated', 'link', 'author', 'summary'])
        expect(child(e, name)).toHaveLength(1);
      expect(child(e, 'updated')[0].text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      expect(child(e, 'link')[0].attrs.href).toMatch(/^https:\/\//);
    }
  });
  it('sorts entries newest first by updated', () => {
    const updated = child(feed, 'entry').map((e) => child(e, 'updated')[0].text);
    expect(updated).toEqual([...updated].sort().reverse());
    // Whatever order the entries come in; entries of the same day keep the order given.
    const e = (id: string, updated: string): FeedEntry => ({
      id,
      title: id,
      url: `${siteUrl}/${id}/`,
      updated,
      summary: '',
      author: 'x',
    });
    const ids = (entries: FeedEntry[]) => child(parseXml(feedOf(entries)), 'entry').map((x) => child(x, 'id')[0].text);
    const list = [e('a', '2021-01-01'), e('b', '2021-03-01'), e('c', '2021-02-01'), e('d', '2021-03-01')];
    expect(ids(list)).toEqual(['b', 'd', 'c', 'a']);
    expect(ids([...list].reverse())).toEqual(['d', 'b', 'c', 'a']);
  });
  it('escapes text and attributes', () => {
    expect(xml).toContain('关于 &lt;法治&gt; &amp; &quot;营商环境&quot; 的提案的答复');
    const title = child(feed, 'entry').map((e) => child(e, 'title')[0].text);
    expect(title).toContain('市司法局：关于 <法治> & "营商环境" 的提案的答复');
    expect(escapeXml('a\u0000b\u001Fc<')).toBe('abc&lt;');
    const odd = feedOf([
      {
        id: 'tag:x,2021:/a',
        title: "it's <b>",
        url: 'https://x.org/?a=1&b="2"',
        updated: '2021-01-01',
        summary: '\u0007控制字符',
        author: 'A & B',
        categories: [{ term: 'a"b', label: '<c>' }],
      },
    ]);
    const e = child(parseXml(odd), 'entry')[0];
    expect(child(e, 'link')[0].attrs.href).toBe('https://x.org/?a=1&b="2"');
    expect(child(e, 'category')[0].attrs).toEqual({ term: 'a"b', label: '<c>' });
    expect(child(e, 'summary')[0].text).toBe('控制字符');
  });
  it('never contains what is not published', () => {
    expect(xml).not.toContain(SECRET);
    expect(feedOf(correctionFeedEntries(replies, lookups))).not.toContain(SECRET);
  });
  it('is a valid empty feed when there is nothing to show', () => {
    const empty = parseXml(feedOf([]));
    expect(child(empty, 'entry')).toHaveLength(0);
    expect(child(empty, 'author')).toHaveLength(1);
  });
});
