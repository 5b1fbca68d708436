import { describe, expect, it } from 'vitest';
import {
  byMonth,
  bySession,
  byTopic,
  byUnit,
  categoryShares,
  disclosureComposition,
  officialVsDisclosed,
  replyTimePairs,
  replyTimes,
  sessionFunnel,
} from '../../src/charts/index.ts';
import { ledgerRow } from '../../src/lib/ledger.ts';
import { categories } from '../../src/lib/model/schemas/common.ts';
import { groupBy } from '../../src/lib/views.ts';
import { named, published, reportOfficial, unpublished, withheld } from './fixtures.ts';

describe('categoryShares', () => {
  it("reproduces the report's shares to the hundredth", () => {
    expect(categoryShares(reportOfficial.categories)).toEqual([
      { category: 'A', label: 'A 类', meaning: '已解决或基本解决', count: 461, share: 74.84 },
      { category: 'B', label: 'B 类', meaning: '正在解决或已列入计划解决', count: 119, share: 19.32 },
      { category: 'C', label: 'C 类', meaning: '因条件限制暂时不能解决', count: 32, share: 5.19 },
      { category: 'D', label: 'D 类', meaning: '留作参考', count: 4, share: 0.65 },
    ]);
  });

  it('gives no shares when there is nothing to count (never 0.00%)', () => {
    expect(categoryShares({ A: 0, B: 0, C: 0, D: 0 }).map((r) => r.share)).toEqual([null, null, null, null]);
  });

  it('rounds half up: 1 of 8 is 12.5, 1 of 3 is 33.33, 2 of 3 is 66.67', () => {
    expect(categoryShares({ A: 1, B: 7, C: 0, D: 0 })[0].share).toBe(12.5);
    expect(categoryShares({ A: 1, B: 2, C: 0, D: 0 }).map((r) => r.share)).toEqual([33.33, 66.67, 0, 0]);
  });
});

describe('officialVsDisclosed', () => {
  it('puts each share of its own total side by side', () => {
    const rows = officialVsDisclosed(reportOfficial.categories, { A: 3, B: 1, C: 0, D: 0 });
    expect(rows.map((r) => [r.label, r.official, r.disclosed])).toEqual([
      ['A 类', { count: 461, share: 74.84 }, { count: 3, share: 75 }],
      ['B 类', { count: 119, share: 19.32 }, { count: 1, share: 25 }],
      ['C 类', { count: 32, share: 5.19 }, { count: 0, share: 0 }],
      ['D 类', { count: 4, share: 0.65 }, { count: 0, share: 0 }],
    ]);
    expect(rows[0].meaning).toBe('已解决或基本解决');
  });
  it('gives no share when nothing on the site has a category (never 0.00%)', () => {
    const rows = officialVsDisclosed(reportOfficial.categories, { A: 0, B: 0, C: 0, D: 0 });
    expect(rows.map((r) => r.disclosed)).toEqual(categories.map(() => ({ count: 0, share: null })));
  });
});

describe('sessionFunnel', () => {
  it('lists the stages in order with Chinese labels and shares of proposals received', () => {
    expect(sessionFunnel(reportOfficial)).toEqual([
      { key: 'received', label: '收到提案', count: 739, share: 100, sub: false },
      { key: 'plenary', label: '大会提案', count: 714, share: 96.62, sub: true },
      { key: 'betweenSessions', label: '平时提案', count: 25, share: 3.38, sub: true },
      { key: 'registered', label: '立案', count: 579, share: 78.35, sub: false },
      { key: 'toGovernment', label: '交政府系统办理', count: 567, share: 76.73, sub: false },
      { key: 'repliesDue', label: '应有答复', count: 616, share: null, sub: false },
    ]);
  });
});

describe('byUnit', () => {
  const units = named({ fgw: '市发展改革委', jtj: '市交通运输局', jyj: '市教育局', gaj: '市公安局' });
  const replies = [
    published('7-1/1/fgw', 'A'),
    published('7-1/2/fgw', 'A'),
    withheld('7-1/3/fgw', 'B'),
    unpublished('7-1/4/fgw'),
    published('7-1/1/jtj', 'B'),
    published('7-1/2/jtj', 'C'),
    published('7-1/1/jyj', 'A'),
    published('7-1/2/gaj', 'D'),
    published('7-1/3/zzz', 'A', '2021-07-01', 'summary'),
    unpublished('7-1/5/hidden'),
  ];

  it('stacks shown replies by category, largest first, ties by id', () => {
    expect(byUnit(replies, units)).toEqual([
      { id: 'fgw', label: '市发展改革委', counts: { A: 2, B: 1, C: 0, D: 0 }, total: 3 },
      { id: 'jtj', label: '市交通运输局', counts: { A: 0, B: 1, C: 1, D: 0 }, total: 2 },
      { id: 'gaj', label: '市公安局', counts: { A: 0, B: 0, C: 0, D: 1 }, total: 1 },
      { id: 'jyj', label: '市教育局', counts: { A: 1, B: 0, C: 0, D: 0 }, total: 1 },
      // Unknown to the list: named by its id. Only unpublished replies: left out.
      { id: 'zzz', label: 'zzz', counts: { A: 1, B: 0, C: 0, D: 0 }, total: 1 },
    ]);
  });

  it("groups all but the top N into one row '其他单位'", () => {
    const rows = byUnit(replies, units, 2);
    expect(rows.map((r) => r.label)).toEqual(['市发展改革委', '市交通运输局', '其他单位']);
    expect(rows[2]).toEqual({ id: null, label: '其他单位', counts: { A: 2, B: 0, C: 0, D: 1 }, total: 3, grouped: 3 });
    const sum = rows.reduce((s, r) => s + r.total, 0);
    expect(sum).toBe(8);
  });

  it('adds no other row when every unit fits', () => {
    expect(byUnit(replies, units, 5).some((r) => r.id === null)).toBe(false);
    expect(byUnit([], units)).toEqual([]);
  });
});

describe('byTopic', () => {
  const proposals = [
    { id: '7-1/1', topics: ['traffic', 'economy'] },
    { id: '7-1/2', topics: ['economy'] },
    { id: '7-1/3', topics: ['education', 'education'] },
    { id: '7-1/4', topics: ['health'] },
  ];
  const replies = [
    published('7-1/1/fgw', 'A'),
    withheld('7-1/1/jtj', 'C'),
    published('7-1/2/fgw', 'B'),
    unpublished('7-1/2/jtj'),
    published('7-1/3/jyj', 'A'),
  ];
  const topics = named({ traffic: '交通出行', economy: '经济发展', education: '教育', health: '医疗卫生' });

  it('counts each proposal under every topic, replies by category', () => {
    expect(
      byTopic(
        proposals,
        groupBy(replies, (r) => r.proposal),
        topics,
      ),
    ).toEqual([
      { id: 'economy', label: '经济发展', counts: { A: 1, B: 1, C: 1, D: 0 }, total: 3, proposals: 2 },
      { id: 'traffic', label: '交通出行', counts: { A: 1, B: 0, C: 1, D: 0 }, total: 2, proposals: 1 },
      { id: 'education', label: '教育', counts: { A: 1, B: 0, C: 0, D: 0 }, total: 1, proposals: 1 },
      { id: 'health', label: '医疗卫生', counts: { A: 0, B: 0, C: 0, D: 0 }, total: 0, proposals: 1 },
    ]);
  });

  it('names a topic missing from the list by its id', () => {
    expect(byTopic([{ id: '7-1/9', topics: ['misc'] }], new Map())[0].label).toBe('misc');
  });
});

describe('bySession', () => {
  it('counts per session, newest first, sessions without replies as zeros', () => {
    const sessions = named({ '6-5': '市政协六届五次会议', '7-1': '市政协七届一次会议', '7-2': '市政协七届二次会议' });
    const replies = [
      published('7-1/1/fgw', 'A'),
      withheld('7-1/1/jtj', 'B'),
      unpublished('7-1/2/fgw'),
      published('6-5/1/fgw', 'C', '2020-06-30', 'summary'),
      published('6-10/1/fgw', 'D'),
    ];
    expect(bySession(replies, sessions)).toEqual([
      { id: '7-2', label: '市政协七届二次会议', counts: { A: 0, B: 0, C: 0, D: 0 }, total: 0, held: 0, published: 0 },
      { id: '7-1', label: '市政协七届一次会议', counts: { A: 1, B: 1, C: 0, D: 0 }, total: 2, held: 3, published: 1 },
      { id: '6-10', label: '6-10', counts: { A: 0, B: 0, C: 0, D: 1 }, total: 1, held: 1, published: 1 },
      { id: '6-5', label: '市政协六届五次会议', counts: { A: 0, B: 0, C: 1, D: 0 }, total: 1, held: 1, published: 1 },
    ]);
  });
});

describe('byMonth', () => {
  it('counts published replies per month of repliedOn and fills the gaps, across a year', () => {
    const rows = byMonth([
      published('7-1/1/a', 'A', '2021-11-03'),
      published('7-1/2/a', 'B', '2021-11-30'),
      published('7-1/3/a', 'A', '2022-02-01', 'summary'),
      withheld('7-1/4/a', 'A'),
      unpublished('7-1/5/a'),
    ]);
    expect(rows).toEqual([
      { month: '2021-11', label: '2021年11月', short: '11月', group: '2021年', count: 2 },
      { month: '2021-12', label: '2021年12月', short: '12月', group: '2021年', count: 0 },
      { month: '2022-01', label: '2022年1月', short: '1月', group: '2022年', count: 0 },
      { month: '2022-02', label: '2022年2月', short: '2月', group: '2022年', count: 1 },
    ]);
  });

  it('gives one row for a single month and none without published replies', () => {
    expect(byMonth([published('7-1/1/a', 'A', '2021-06-01')]).map((r) => r.month)).toEqual(['2021-06']);
    expect(byMonth([withheld('7-1/1/a', 'A')])).toEqual([]);
  });
});

describe('reply times', () => {
  it('bins at the edges 30/31, 180/181 and takes the median', () => {
    const from = '2021-01-01';
    const after = (days: number) => new Date(Date.UTC(2021, 0, 1 + days)).toISOString().slice(0, 10);
    const pairs = [0, 30, 31, 60, 61, 120, 121, 180, 181, 400].map((d) => ({ filedOn: from, repliedOn: after(d) }));
    const t = replyTimes([...pairs, { repliedOn: '2021-05-01' }]);
    expect(t.bins.map((b) => [b.label, b.count])).toEqual([
      ['0–30 天', 2],
      ['31–60 天', 2],
      ['61–90 天', 1],
      ['91–120 天', 1],
      ['121–180 天', 2],
      ['181 天以上', 2],
    ]);
    expect(t.bins[0]).toEqual({ label: '0–30 天', min: 0, max: 30, count: 2, share: 20 });
    expect(t.bins[5].max).toBeNull();
    expect(t.count).toBe(10);
    expect(t.median).toBe(90.5); // (61 + 120) / 2
    expect(replyTimes(pairs.slice(0, 3)).median).toBe(30);
  });

  it('has no median without data', () => {
    const t = replyTimes([]);
    expect(t.median).toBeNull();
    expect(t.count).toBe(0);
    expect(t.bins.every((b) => b.count === 0 && b.share === 0)).toBe(true);
  });

  it('pairs published replies with their proposal’s filing day', () => {
    const proposals = [
      { id: '7-1/1', data: { filedOn: '2021-01-20' } },
      { id: '7-1/2', data: {} },
    ];
    const replies = [
      published('7-1/1/jtj', 'A', '2021-05-01'),
      published('7-1/1/fgw', 'A', '2021-06-30'),
      withheld('7-1/1/gaj', 'A'),
      published('7-1/2/fgw', 'B', '2021-06-30'),
    ];
    expect(replyTimePairs(proposals, replies)).toEqual([
      { id: '7-1/1/fgw', filedOn: '2021-01-20', repliedOn: '2021-06-30' },
      { id: '7-1/1/jtj', filedOn: '2021-01-20', repliedOn: '2021-05-01' },
    ]);
    expect(replyTimes(replyTimePairs(proposals, replies)).median).toBe((101 + 161) / 2);
  });
});

describe('disclosureComposition', () => {
  it('splits the replies held four ways with shares of the whole', () => {
    const row = ledgerRow([
      published('7-1/1/a', 'A'),
      published('7-1/2/a', 'A'),
      published('7-1/3/a', 'B', '2021-06-30', 'summary'),
      withheld('7-1/4/a', 'C'),
      unpublished('7-1/5/a'),
      unpublished('7-1/6/a'),
    ]);
    expect(disclosureComposition(row)).toEqual([
      { key: 'public', label: '全文公开', count: 2, share: 33.33 },
      { key: 'summary', label: '摘要公开', count: 1, share: 16.67 },
      { key: 'withheld', label: '不予公开', count: 1, share: 16.67 },
      { key: 'unpublished', label: '暂未公开', count: 2, share: 33.33 },
    ]);
  });
  it('gives no shares when nothing is held (never 0.00%)', () => {
    expect(disclosureComposition(ledgerRow([])).map((r) => r.share)).toEqual([null, null, null, null]);
  });
});
