/** The search page's address state and the paragraph a hit falls in. */
import { describe, expect, it } from 'vitest';
import {
  bundlesFor,
  chosenLabels,
  filterCounts,
  filterGroups,
  formatSearch,
  numberForms,
  paragraphOf,
  parseSearch,
  proposalRecord,
  replyRecord,
  searchWords,
  topicsNamed,
  type SearchNames,
} from '../src/lib/search.ts';
import type { ProposalRow } from '../src/lib/browse.ts';
import type { PublishedEntryData } from '../src/lib/disclosure.ts';

describe('the address', () => {
  it('reads the query, filters and sort', () => {
    expect(parseSearch('?q=%E5%81%9C%E8%BD%A6&category=A&unit=gaj&category=B&sort=newest')).toEqual({
      q: '停车',
      filters: { category: ['A', 'B'], unit: ['gaj'] },
      sort: 'newest',
    });
  });
  it('ignores unknown parameters, empty values, repeats and bad sorts', () => {
    expect(parseSearch('?q=+%20&colour=red&unit=&unit=gaj&unit=gaj&sort=random')).toEqual({
      q: '',
      filters: { unit: ['gaj'] },
      sort: 'relevance',
    });
  });
  it('round-trips in a stable order', () => {
    const state = parseSearch('?unit=gaj&category=B&category=A&q=停车&sort=oldest');
    expect(formatSearch(state)).toBe('?q=%E5%81%9C%E8%BD%A6&category=A&category=B&unit=gaj&sort=oldest');
    expect(formatSearch(parseSearch(formatSearch(state)))).toBe(formatSearch(state));
    expect(parseSearch(formatSearch(state)).filters).toEqual({ category: ['A', 'B'], unit: ['gaj'] });
    expect(formatSearch(parseSearch(''))).toBe('');
  });
});

describe('paragraphOf', () => {
  const anchors = [
    { id: 'summary', location: 0 },
    { id: 'p1', location: 10 },
    { id: 'p2', location: 40 },
    { id: 'p3', location: 90 },
  ];
  it('is the paragraph of the first match in the text', () => {
    expect(paragraphOf(anchors, [45, 95])).toBe('p2');
    expect(paragraphOf(anchors, [95, 90])).toBe('p3');
  });
  it('skips matches in the title, before the first paragraph', () => {
    expect(paragraphOf(anchors, [2, 5, 41])).toBe('p2');
  });
  it('is nothing without a match in the text', () => {
    expect(paragraphOf(anchors, [5])).toBeUndefined();
    expect(paragraphOf(anchors, [])).toBeUndefined();
    expect(paragraphOf([{ id: 'summary', location: 0 }], [3])).toBeUndefined();
  });
});

describe('records', () => {
  const proposal: ProposalRow = {
    id: '7-1/20210010',
    session: '7-1',
    number: '20210010',
    title: '关于提升智慧停车治理水平的提案',
    kind: 'plenary',
    proposers: ['c'],
    topics: ['transport', 'digital'],
    units: [
      { unit: 'gaj', role: 'lead' },
      { unit: 'jtj', role: 'co' },
    ],
    key: { supervisor: '刘国周', supervisorTitle: '副市长' },
    categories: ['A'],
    graded: [{ unit: 'jtj', category: 'A' }],
    published: 1,
  };
  const names: SearchNames = {
    units: new Map([
      ['jtj', { name: '市交通运输局', fullName: '深圳市交通运输局' }],
      ['gaj', { name: '市公安局' }],
    ]),
    topics: new Map([
      ['transport', { name: '交通出行' }],
      ['digital', { name: '数字经济' }],
    ]),
    proposers: new Map([['c', { name: '市政协人口资源环境委员会' }]]),
  };
  const reply = {
    id: '7-1/20210010/jtj',
    session: '7-1',
    number: '20210010',
    unit: 'jtj',
    proposal: '7-1/20210010',
    state: 'published',
    disclosure: 'public',
    category: 'A',
    repliedOn: '2021-08-27',
    publishedOn: '2021-08-27',
    docNo: '深交函〔2021〕1478号',
    corrections: [],
    commitments: [],
    body: '',
  } satisfies PublishedEntryData;

  it('a reply carries every filter of the search page', () => {
    expect(replyRecord(reply, proposal, names)).toEqual({
      filters: {
        type: ['reply'],
        category: ['A'],
        unit: ['jtj'],
        session: ['7-1'],
        topic: ['transport', 'digital'],
        role: ['co'],
        key: ['yes'],
        disclosure: ['public'],
        year: ['2021'],
      },
      meta: {
        title: '市交通运输局：关于提升智慧停车治理水平的提案',
        unit: '市交通运输局',
        units: '市 交通 运输 局 深圳 市 交通 运输 局',
        category: 'A',
        date: '2021-08-27',
        docNo: '深交函〔2021〕1478号',
        doc: '深交 函 2021 1478 号',
        proposalNumber: '20210010 第 20210010 号 20210010 号',
        topics: '交通 出行 数字 经济',
        proposalProposers: '市 政协 人口 资源 环境 委员 会',
      },
      sort: { date: '2021-08-27' },
      // A co-unit's opinion: its text weighs half, so the lead reply ranks above it.
      weight: 0.5,
    });
  });
  it('a proposal is found by its number in every written form, weighted above its replies', () => {
    const r = proposalRecord(proposal, '2021-05-13', names);
    expect(r.meta.number).toBe('20210010 第 20210010 号 20210010 号');
    expect(r.meta.proposers).toBe(searchWords('市政协人口资源环境委员会'));
    expect(r.weight).toBe(1);
    expect(numberForms('2025D048').split(' ')).toContain('第');
  });
  it('a proposal has no category, unit or disclosure: those belong to replies', () => {
    const r = proposalRecord(proposal, '2021-05-13', names);
    expect(Object.keys(r.filters)).toEqual(['type', 'session', 'topic', 'key']);
    expect(r.sort).toEqual({ date: '2021-05-13' });
  });
});

describe('filterCounts', () => {
  it('counts each value of each filter over the records', () => {
    expect(
      filterCounts([
        { filters: { type: ['reply'], topic: ['a', 'b'] }, meta: {}, sort: {}, weight: 1 },
        { filters: { type: ['proposal'], topic: ['a'] }, meta: {}, sort: {}, weight: 1 },
      ]),
    ).toEqual({ type: { reply: 1, proposal: 1 }, topic: { a: 2, b: 1 } });
  });
});

describe('searchWords', () => {
  it('cuts names where the search box cuts a query, so 市民政局 meets 深圳市民政局', () => {
    expect(searchWords('深圳市民政局')).toBe('深圳 市 民政局');
    expect(searchWords('市民政局').split(' ')).toEqual(['市', '民政局']);
    expect(searchWords('养老服务、交通出行')).toBe('养老 服务 交通 出行');
  });
});

describe('the filter panel and its messages', () => {
  const labels = { category: { A: 'A 类', B: 'B 类' }, topic: { elderly: '养老服务', transport: '交通出行' } };
  it('lists every value with a record, most first, and leaves out groups with none', () => {
    const groups = filterGroups({ category: { A: 3, B: 5, C: 0 }, topic: {} }, labels);
    expect(groups.map((g) => g.key)).toEqual(['category']);
    expect(groups[0].values).toEqual([
      { value: 'B', label: 'B 类', count: 5 },
      { value: 'A', label: 'A 类', count: 3 },
    ]);
  });
  it('names the chosen values with their group, for chips and the zero-result message', () => {
    expect(chosenLabels(parseSearch('?q=x&topic=elderly&category=B'), labels)).toEqual([
      { key: 'category', value: 'B', text: '办理结果：B 类' },
      { key: 'topic', value: 'elderly', text: '主题：养老服务' },
    ]);
  });
  it('offers the topics a query names', () => {
    expect(topicsNamed('养老', labels.topic)).toEqual([{ id: 'elderly', name: '养老服务' }]);
    expect(topicsNamed('交通出行的问题', labels.topic)).toEqual([{ id: 'transport', name: '交通出行' }]);
    expect(topicsNamed('养', labels.topic)).toEqual([]);
  });
});

describe('the Pagefind bundles a search loads', () => {
  const sessions = ['7-1', '7-2', '8-1'];
  it("loads every session's bundle without a session filter", () => {
    expect(bundlesFor(parseSearch('?q=停车&category=A'), sessions)).toEqual(sessions);
  });
  it("loads only the chosen sessions' bundles, in order, with a session filter", () => {
    expect(bundlesFor(parseSearch('?session=8-1&session=7-1'), sessions)).toEqual(['7-1', '8-1']);
  });
  it('ignores a session with no bundle and falls back to all', () => {
    expect(bundlesFor(parseSearch('?session=9-9'), sessions)).toEqual(sessions);
  });
});
