/**
 * The page models of src/site/: what each page shows, computed from the
 * gate's output of a fixture corpus, as a reader would notice it: titles,
 * counts, links, citations and what must never appear.
 */
import { describe, expect, it } from 'vitest';
import { checkCorpus } from '../src/lib/model/corpus/index.ts';
import { publish, type PublishedEntryData } from '../src/lib/disclosure.ts';
import { buildAccountability } from '../src/site/accountability.ts';
import { commitmentsPage } from '../src/site/commitments.ts';
import { indexCorpus } from '../src/site/corpus.ts';
import { fileSize } from '../src/site/data-page.ts';
import { disclosurePage } from '../src/site/disclosure.ts';
import { correctionsFeed, correctionsPage, unitFeed } from '../src/site/feeds.ts';
import { facetPages, keyPage, pageSuffix, topicsIndex } from '../src/site/listings.ts';
import { proposalPage, slotCountLine } from '../src/site/proposal.ts';
import { outcome, outcomeStates } from '../src/site/outcomes.ts';
import { replyPage } from '../src/site/reply.ts';
import { scriptJson } from '../src/lib/xml.ts';
import { searchPage } from '../src/site/search.ts';
import { sessionFigures } from '../src/site/session-figures.ts';
import { unitPage, unitsIndex } from '../src/site/unit.ts';
import { fixtureFiles, withFiles } from './helpers.ts';

/** A fixture root as the site's pages read it (the loader's entries, indexed). */
function corpus(name = 'leak', buildDate = '2030-01-01', files = fixtureFiles(name)) {
  const pub = publish(checkCorpus(files, { render: true }).corpus!, buildDate);
  return indexCorpus({
    siteUrl: 'https://replies.example.org/',
    site: { ...pub.site, buildDate },
    units: pub.units,
    topics: pub.topics,
    proposers: pub.proposers,
    sessions: pub.sessions,
    proposals: pub.proposals.map(({ html, ...p }) => ({ id: p.id, data: p, rendered: { html } })),
    replies: pub.replies.map((r) => {
      if (r.state !== 'published') return { id: r.id, data: r };
      const { html, ...data } = r;
      return { id: r.id, data, rendered: { html } };
    }),
  });
}

const data = corpus();
const a = buildAccountability(data);
const published = (id: string) => data.replyEntries.get(id)!.data as PublishedEntryData;
const CANARY = /CANARY/;

describe('reply page', () => {
  const m = replyPage(data, a, published('7-1/20210001/gaj'));

  it('composes a title from the proposal when the record gives none, and says who answered', () => {
    expect(m.title).toBe('市公安局关于提升智慧停车治理水平的提案的答复');
    expect(m.description).toBe(
      '市公安局对市政协七届一次会议第 20210001 号提案的答复，办理结果 A 类（已解决或基本解决）。',
    );
    expect(m.answers).toBe('答复第 20210001 号提案');
  });

  it('cites the absolute permanent address, and its JSON-LD cannot close its script element', () => {
    expect(m.citation.url).toBe('https://replies.example.org/proposals/7-1/20210001/gaj/');
    expect(JSON.parse(m.jsonLd)).toMatchObject({
      '@id': m.citation.url,
      isPartOf: { url: 'https://replies.example.org/' },
    });
    expect(scriptJson({ t: '</script><b>' })).toBe('{"t":"\\u003c/script>\\u003cb>"}');
  });

  it("lists the proposal's other units by status, linking none that is not published", () => {
    expect(m.others.map((o) => [o.name, o.href, o.status])).toEqual([
      ['市交通运输局', undefined, '· 暂未公开'],
      ['市司法局', undefined, '· 暂未公开'],
      ['市民政局', undefined, '· 不予公开'],
    ]);
    expect(JSON.stringify(m)).not.toMatch(CANARY);
  });

  it('refuses a reply that is not published', () => {
    const withheld = data.replyEntries.get('7-1/20210001/mzj')!.data;
    expect(() => replyPage(data, a, withheld as PublishedEntryData)).toThrow(/not published/);
  });
});

describe('proposal page', () => {
  it('counts its units by status, naming only the statuses that occur', () => {
    const m = proposalPage(data, a, data.proposals.get('7-1/20210001')!);
    expect(m.counts.line).toBe('已公开 1 · 不予公开 1 · 暂未公开 2');
    expect(m.counts.unpublished).toMatch(/^。暂未公开/);
    expect(m.counts.missing).toBe('');
    expect(m.slots.map((s) => s.slot.unit)).toEqual(['gaj', 'jtj', 'sfj', 'mzj']);
  });
  it('explains 未收录 only when a listed unit has no reply file', () => {
    expect(slotCountLine({ published: 0, withheld: 0, unpublished: 0, missing: 2 })).toEqual({
      line: '未收录 2',
      missing: '。未收录：提案列出了这个单位，但本站没有它的答复记录',
      unpublished: '',
    });
  });
});

describe('unit pages', () => {
  it('count a pending reply but never list it', () => {
    const m = unitPage(data, a, 'zsj');
    expect(m.summary).toBe(
      '本站收录这个单位的答复 1 份：全文公开 0，摘要公开 0，不予公开 0，暂未公开 1（只计数，不列出）。',
    );
    expect(m.replies).toEqual([]);
    expect(m.csv).toBe('/data/units/zsj.csv');
    expect(JSON.stringify(m)).not.toMatch(CANARY);
  });
  it('link a withheld reply to its proposal, a published one to itself', () => {
    expect(unitPage(data, a, 'mzj').replies.map((r) => r.href)).toEqual(['/proposals/7-1/20210001/']);
    expect(unitPage(data, a, 'gaj').replies.map((r) => [r.href, r.role])).toEqual([
      ['/proposals/7-1/20210001/gaj/', '主办'],
    ]);
  });
  it('list units with most replies first, then by id', () => {
    const rows = unitsIndex(data);
    const keys = rows.map((r) => [-r.ledger.held, r.unit.id] as const);
    expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1])));
    expect(rows.map((r) => r.kind)).toContain('市直部门');
  });
});

describe('disclosure ledger', () => {
  it('totals every session and lists withheld replies without their text', () => {
    const m = disclosurePage(data);
    expect(m.total.ledger.held).toBe(data.replies.length);
    const held = (cells: { label: string; value: number | string }[]) =>
      cells.find((c) => c.label === '本站收录')!.value;
    expect(m.rows.reduce((s, r) => s + Number(held(r.cells)), 0)).toBe(m.total.ledger.held);
    expect(held(m.totalCells)).toBe(m.total.ledger.held);
    // Every row has a cell under every heading after the session's.
    for (const r of m.rows) expect(r.cells.map((c) => c.label)).toEqual(m.heads.slice(1));
    expect(m.withheld).toEqual([
      {
        proposal: { href: '/proposals/7-1/20210001/', title: '关于提升智慧停车治理水平的提案' },
        number: '20210001',
        unit: { href: '/units/mzj/', name: '市民政局' },
        category: 'C 类 · 因条件限制暂时不能解决',
        reason: '涉及工作秘密',
      },
    ]);
  });
});

describe('listings', () => {
  it('number pages after the first, and key proposals group by supervisor', () => {
    expect(pageSuffix(1)).toBe('');
    expect(pageSuffix(3)).toBe('（第 3 页）');
    expect(keyPage(data).rows.every((r) => r.key)).toBe(true);
  });
  it('give every facet value its pages, the first without a number', () => {
    const paths = facetPages(data);
    expect(paths.find((p) => p.params.facet === 'unit' && p.params.value === 'gaj')).toMatchObject({
      params: { page: undefined },
      props: { count: 1, current: 1, total: 1, valueLabel: '市公安局' },
    });
  });
  it('leave out topics with no proposal', () => {
    expect(topicsIndex(data).every((t) => t.count > 0)).toBe(true);
  });
});

describe('commitments, corrections, feeds, search', () => {
  it('show only the commitments of published replies', () => {
    const m = commitmentsPage(data, a);
    expect(m.totals).toBe('共 1 项：已逾期 1，进行中 0，已完成 0，已放弃 0。');
    expect(JSON.stringify(m)).not.toMatch(CANARY);
  });
  it("list no correction of a reply that is not published, and a unit's feed has only published entries", () => {
    expect(correctionsPage(data)).toEqual([]);
    expect(unitFeed(data, 'gaj')).toContain('<id>https://replies.example.org/feeds/units/gaj.xml</id>');
    expect(unitFeed(data, 'zsj')).not.toContain('<entry>');
  });
  it('show a long correction note whole on /corrections/, while the feed carries an excerpt', () => {
    const note = `将第二段中的数字更正为准确数据。${'补充说明更正的原因和依据。'.repeat(30)}`;
    const path = 'proposals/7-1/20210001/gaj.mdx';
    const files = withFiles({
      [path]: fixtureFiles()
        .get(path)!
        .replace('disclosure: public\n', `disclosure: public\ncorrections:\n  - { on: 2021-07-01, note: ${note} }\n`),
    });
    const withNote = corpus('leak', '2030-01-01', files);
    const [item] = correctionsPage(withNote);
    expect(item).toMatchObject({ href: '/proposals/7-1/20210001/gaj/', on: '2021-07-01', note });
    expect(item.title).not.toMatch(/^更正/);
    const feed = correctionsFeed(withNote);
    expect(feed).toContain('将第二段中的数字更正为准确数据。');
    expect(feed).not.toContain(note);
  });
  it('give the search script labels it cannot break out of', () => {
    const m = searchPage(data);
    expect(m.labelsJson).not.toContain('<');
    expect((JSON.parse(m.labelsJson) as { labels: { unit: Record<string, string> } }).labels.unit.gaj).toBe('市公安局');
  });
  it('state file sizes in Chinese units', () => {
    expect(fileSize(512)).toBe('512 字节');
    expect(fileSize(1536)).toBe('1.5 KB');
    expect(fileSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('session figures', () => {
  const session = data.sessions.get('7-1')!;
  const held = data.repliesBySession.get('7-1')!;
  it("set what the site holds beside the report's figures, parts marked 其中", () => {
    const example = corpus('design-example');
    const m = sessionFigures(example.sessions.get('7-1')!, example.repliesBySession.get('7-1')!);
    expect(m.heldRows[0]).toEqual({ label: '收录答复', value: example.repliesBySession.get('7-1')!.length });
    expect(m.officialRows.slice(0, 3)).toEqual([
      { label: '收到提案', value: 739 },
      { label: '其中大会提案', value: 714, sub: true },
      { label: '其中平时提案', value: 25, sub: true },
    ]);
    expect(m.officialRows.find((r) => r.label.startsWith('A 类'))?.value).toBe('461（74.84%）');
  });
  it('explain a gap between the replies due and the replies held, and say nothing when there is none', () => {
    const due = (repliesDue: number) => ({ ...session, official: { ...session.official!, repliesDue } });
    expect(sessionFigures(due(held.length + 3), held).gapNote).toMatch(
      /^政府公布应有答复 \d+ 件，本站收录 \d+ 件；差额/,
    );
    expect(sessionFigures(due(1), held).gapNote).toMatch(/多于政府公布的应有答复 1 件/);
    expect(sessionFigures(due(held.length), held).gapNote).toBe('');
  });
});

describe('outcomes', () => {
  it('count a proposal’s replies by state, and say when there is none', () => {
    const o = outcome(data, '7-1/20210001');
    expect(o.states).toBe('已公开 1 · 不予公开 1 · 暂未公开 2');
    expect(o.categories).toEqual(['A', 'C']);
    expect(outcomeStates([])).toBe('尚无答复记录');
  });
});
