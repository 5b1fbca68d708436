/** The search page's address state and the paragraph a hit falls in. */
import { describe, expect, it } from 'vitest';
import {
  filterCounts,
  formatSearch,
  paragraphOf,
  parseSearch,
  proposalRecord,
  replyRecord,
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
    published: 1,
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
    expect(replyRecord(reply, proposal, '市交通运输局')).toEqual({
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
        category: 'A',
        date: '2021-08-27',
        docNo: '深交函〔2021〕1478号',
      },
      sort: { date: '2021-08-27' },
    });
  });
  it('a proposal has no category, unit or disclosure: those belong to replies', () => {
    const r = proposalRecord(proposal, '2021-05-13');
    expect(Object.keys(r.filters)).toEqual(['type', 'session', 'topic', 'key']);
    expect(r.sort).toEqual({ date: '2021-05-13' });
  });
});

describe('filterCounts', () => {
  it('counts each value of each filter over the records', () => {
    expect(
      filterCounts([
        { filters: { type: ['reply'], topic: ['a', 'b'] }, meta: {}, sort: {} },
        { filters: { type: ['proposal'], topic: ['a'] }, meta: {}, sort: {} },
      ]),
    ).toEqual({ type: { reply: 1, proposal: 1 }, topic: { a: 2, b: 1 } });
  });
});
