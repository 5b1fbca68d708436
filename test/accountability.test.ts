/**
 * The accountability libraries on small hand-written gate output: similarity
 * (deterministic, close to exact Jaccard, precise on hand-labelled pairs),
 * related proposals and matters, similar replies, commitments, satisfaction,
 * proposers and their open-data rows.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProposalEntryData, ReplyEntryData } from '../src/lib/disclosure.ts';
import {
  commitmentItems,
  commitmentState,
  commitmentsBy,
  newlyOverdue,
  overdueSince,
} from '../src/lib/accountability/commitments.ts';
import { byKind, bySector, proposerOrders, proposerSummaries } from '../src/lib/accountability/proposers.ts';
import {
  MATTER_THRESHOLD,
  matters,
  proposalText,
  RELATED,
  relatedProposals,
  similarReplies,
} from '../src/lib/accountability/related.ts';
import { satisfactionBy } from '../src/lib/accountability/satisfaction.ts';
import { jaccard, minhash, estimate, shingles, similarPairs } from '../src/lib/accountability/similarity.ts';
import { commitmentExportRows } from '../src/lib/open-data/commitments.ts';
import { proposerExportRows } from '../src/lib/open-data/proposers.ts';
import { published, unpublished, withheld } from './charts/fixtures.ts';
import { pairs } from './fixtures/similarity/pairs.ts';

afterEach(() => vi.restoreAllMocks());

function proposal(id: string, title: string, body = '', proposers = ['m1'], topics = ['traffic']): ProposalEntryData {
  const [session, number] = id.split('/');
  return {
    id,
    session: session,
    number: number,
    body,
    data: { number: number, title, kind: 'plenary', proposers, topics, units: [{ unit: 'jtj', role: 'lead' }] },
  };
}

describe('similarity', () => {
  it('shingles normalize punctuation and spaces', () => {
    expect([...shingles('智慧 停车，平台', 2)]).toEqual(['智慧', '慧停', '停车', '车平', '平台']);
    expect(jaccard(shingles('智慧停车'), shingles('智慧停车'))).toBe(1);
  });
  it('uses no randomness: Math.random is never called, and two runs give the same bytes', () => {
    // The reason for writing MinHash here (see similarity.ts): the npm packages draw random coefficients.
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random must not be used');
    });
    const texts = pairs.flatMap((p) => [proposalText(p.a), proposalText(p.b)]);
    const first = JSON.stringify(similarPairs(texts, RELATED));
    expect(JSON.stringify(similarPairs(texts, RELATED))).toBe(first);
    expect(spy).not.toHaveBeenCalled();
    expect([...minhash(shingles('智慧停车平台'), 8)]).toEqual([...minhash(shingles('智慧停车平台'), 8)]);
  });
  it('the MinHash estimate tracks the exact Jaccard similarity', () => {
    for (const p of pairs) {
      const a = shingles(proposalText(p.a));
      const b = shingles(proposalText(p.b));
      expect(Math.abs(estimate(minhash(a, 256), minhash(b, 256)) - jaccard(a, b))).toBeLessThan(0.12);
    }
  });
  it('is precise on the hand-labelled pairs (docs/benchmarks.md)', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    expect(pairs.some((p) => p.related) && pairs.some((p) => !p.related)).toBe(true);
    const found = pairs.map((p) => similarPairs([proposalText(p.a), proposalText(p.b)], RELATED).length > 0);
    const tp = found.filter((f, i) => f && pairs[i].related).length;
    const fp = found.filter((f, i) => f && !pairs[i].related).length;
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
    expect(tp).toBeGreaterThanOrEqual(pairs.filter((p) => p.related).length / 2);
  });
  it('matters are stars around the most connected proposal, not chains', () => {
    // 0–1–2–3 in a chain, 1 the best connected: the matter is 1 with its neighbours, 3 is left alone.
    const chain = [
      { a: 0, b: 1, score: 0.9 },
      { a: 1, b: 2, score: 0.9 },
      { a: 2, b: 3, score: 0.9 },
      { a: 1, b: 4, score: 0.9 },
    ];
    expect(matters(5, chain, 0.5)).toEqual([[0, 1, 2, 4]]);
  });
});

describe('related proposals', () => {
  const parking = (id: string, verb: string) =>
    proposal(id, `关于${verb}智慧停车平台建设的提案`, '建议整合全市公共停车场泊位信息，实时发布空余泊位，缓解停车难。');
  const list = [
    parking('5-1/1', '加快'),
    parking('6-1/7', '推进'),
    parking('7-1/3', '完善'),
    parking('7-1/4', '加快'),
    proposal('7-1/9', '关于增加普惠性幼儿园学位供给的提案', '学前教育学位紧张，建议新建和改扩建一批普惠性幼儿园。'),
  ];
  it('links proposals of other sessions only, most similar first, and finds a matter raised in three sessions', () => {
    const r = relatedProposals(list);
    expect(r.related.get('7-1/3')!.map((l) => l.id)).toEqual(expect.arrayContaining(['5-1/1', '6-1/7']));
    expect(r.related.get('7-1/3')!.map((l) => l.id)).not.toContain('7-1/4');
    expect(r.related.has('7-1/9')).toBe(false);
    expect(r.recurring).toHaveLength(1);
    expect(r.recurring[0].sessions).toEqual(['5-1', '6-1', '7-1']);
    expect(r.recurring[0].proposals[0]).toBe('5-1/1');
  });
  it('gives the same result whatever order the proposals come in', () => {
    const a = relatedProposals(list);
    const b = relatedProposals([...list].reverse());
    expect([...b.related.entries()].sort()).toEqual([...a.related.entries()].sort());
    expect(b.recurring).toEqual(a.recurring);
  });
  it('shows at most five', () => {
    const many = Array.from({ length: 8 }, (_, i) => parking(`${i + 1}-1/1`, '加快'));
    expect(relatedProposals(many).related.get('1-1/1')).toHaveLength(5);
  });

  // The build visits the pairs without listing them (a 100,000-reply corpus has tens of millions): its links and
  // matters must be exactly those of the whole list of pairs, the definition below.
  it('finds the same links, matters and count as the whole list of pairs would', () => {
    const phrases = [
      '智慧停车平台建设',
      '普惠性幼儿园学位供给',
      '老旧小区加装电梯',
      '社区养老服务驿站',
      '河道污染综合治理',
    ];
    const record = fc.record({
      session: fc.constantFrom('5-1', '6-1', '7-1', '7-2'),
      phrase: fc.constantFrom(...phrases),
      tail: fc.constantFrom('', '，缓解群众出行难', '，加大财政投入', '，完善考核机制', '，建立长效机制'),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (rs, limit) => {
        const list = rs.map((r, i) =>
          proposal(`${r.session}/${i + 1}`, `关于${r.phrase}的提案`, `建议${r.phrase}${r.tail}。`),
        );
        const got = relatedProposals(list, { limit });
        const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const all = similarPairs(
          sorted.map((p) => proposalText({ title: p.data.title, body: p.body })),
          { ...RELATED, allow: (a, b) => sorted[a].session !== sorted[b].session },
        );
        const links = new Map<string, { id: string; score: number }[]>();
        for (const { a, b, score } of all) {
          (links.get(sorted[a].id) ?? links.set(sorted[a].id, []).get(sorted[a].id)!).push({ id: sorted[b].id, score });
          (links.get(sorted[b].id) ?? links.set(sorted[b].id, []).get(sorted[b].id)!).push({ id: sorted[a].id, score });
        }
        const expected = [...links].map(([id, l]) => [
          id,
          l.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1)).slice(0, limit),
        ]);
        expect([...got.related].sort()).toEqual(expected.sort());
        expect(got.pairs).toBe(all.length);
        const groups = matters(sorted.length, all, MATTER_THRESHOLD).map((g) => g.map((i) => sorted[i].id));
        expect(got.recurring.map((m) => [...m.proposals].sort())).toEqual(expect.arrayContaining([]));
        for (const m of got.recurring) expect(groups.map((g) => g.join())).toContain([...m.proposals].sort().join());
        expect(got.recurring.length).toBe(
          groups.filter((g) => new Set(g.map((id) => id.split('/')[0])).size >= 3).length,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('similar replies (相似答复)', () => {
  const text =
    '经研究，现答复如下：我局高度重视您提出的建议，将结合工作实际认真研究，积极推动落实。感谢您对我市工作的关心和支持。';
  const body = (r: ReplyEntryData, b: string) => ({ ...r, body: b }) as ReplyEntryData;
  it('pairs published replies of the same unit only, and gives each unit its share', () => {
    const replies = [
      body(published('7-1/1/gaj', 'A'), text),
      body(published('7-1/2/gaj', 'B'), `${text}特此函复。`),
      body(
        published('7-1/3/gaj', 'A'),
        '关于智慧停车平台建设，我局已完成全市公共停车场泊位数据接入，下一步将推动路内泊位动态调价试点。',
      ),
      body(published('7-1/4/jtj', 'A'), text),
      withheld('7-1/5/gaj', 'A'),
      unpublished('7-1/6/gaj'),
    ];
    const r = similarReplies(replies);
    expect(r.pairs.map((p) => [p.a, p.b])).toEqual([['7-1/1/gaj', '7-1/2/gaj']]);
    const gaj = r.byUnit.find((u) => u.unit === 'gaj')!;
    expect(gaj).toMatchObject({ replies: 3, similar: 2, share: 66.67, pairs: 1 });
    expect(r.byUnit.find((u) => u.unit === 'jtj')).toMatchObject({ replies: 1, similar: 0, share: 0 });
  });
});

describe('commitments', () => {
  const c = (status: 'open' | 'done' | 'dropped', due: string, extra = {}) => ({
    text: `承诺 ${due}`,
    due,
    status,
    ...extra,
  });
  const replies: ReplyEntryData[] = [
    {
      ...published('7-1/1/gaj', 'B'),
      commitments: [
        c('open', '2022-12-31'),
        c('done', '2022-06-30', { checkedOn: '2022-07-01', evidence: 'https://a.example/' }),
      ],
    } as ReplyEntryData,
    {
      ...published('7-1/2/jtj', 'B'),
      commitments: [
        c('open', '2030-01-01'),
        c('open', '2025-11-28'),
        c('dropped', '2023-01-01', { checkedOn: '2023-02-01' }),
      ],
    } as ReplyEntryData,
    withheld('7-1/3/gaj', 'B'),
    unpublished('7-1/4/gaj'),
  ];
  const build = '2025-11-28';
  it('is overdue when open and due before the build date (not on it)', () => {
    expect(commitmentState({ status: 'open', due: '2025-11-27' }, build)).toBe('overdue');
    expect(commitmentState({ status: 'open', due: build }, build)).toBe('open');
    expect(commitmentState({ status: 'done', due: '2020-01-01' }, build)).toBe('done');
    expect(overdueSince('2022-12-31')).toBe('2023-01-01');
    expect(overdueSince('2024-02-28')).toBe('2024-02-29');
  });
  it('lists only published replies’ commitments, by due date, with stable ids', () => {
    const items = commitmentItems(replies, build);
    expect(items.map((i) => `${i.id} ${i.state}`)).toEqual([
      '7-1/1/gaj#2 done',
      '7-1/1/gaj#1 overdue',
      '7-1/2/jtj#3 dropped',
      '7-1/2/jtj#2 open',
      '7-1/2/jtj#1 open',
    ]);
    expect(commitmentsBy(items, 'unit').map((g) => [g.id, g.overdue, g.total])).toEqual([
      ['gaj', 1, 2],
      ['jtj', 0, 3],
    ]);
    expect(newlyOverdue(items).map((i) => i.id)).toEqual(['7-1/1/gaj#1']);
  });
  it('open-data rows say overdue yes/no and link to the commitment on the reply page', () => {
    const rows = commitmentExportRows(commitmentItems(replies, build), 'https://replies.example.org');
    expect(rows[1]).toMatchObject({
      id: '7-1/1/gaj#1',
      reply: '7-1/1/gaj',
      status: 'open',
      overdue: 'yes',
      checked_on: null,
      evidence: null,
      url: 'https://replies.example.org/proposals/7-1/1/gaj/#c1',
    });
    expect(rows[0]).toMatchObject({ overdue: 'no', checked_on: '2022-07-01', evidence: 'https://a.example/' });
  });
});

describe('satisfaction', () => {
  it('shares are of replies with feedback; replies without are counted apart; only published replies count', () => {
    const f = (id: string, feedback?: 'satisfied' | 'basically-satisfied' | 'unsatisfied') =>
      ({ ...published(id, 'A'), ...(feedback && { feedback }) }) as ReplyEntryData;
    const rows = satisfactionBy(
      [
        f('7-1/1/gaj', 'satisfied'),
        f('7-1/2/gaj', 'satisfied'),
        f('7-1/3/gaj', 'unsatisfied'),
        f('7-1/4/gaj'),
        withheld('7-1/5/gaj', 'A'),
      ],
      'unit',
    );
    expect(rows).toEqual([
      {
        id: 'gaj',
        replies: 4,
        satisfied: 2,
        basically: 0,
        unsatisfied: 1,
        none: 1,
        satisfiedShare: 66.67,
        basicallyShare: 0,
        unsatisfiedShare: 33.33,
      },
    ]);
  });
});

describe('proposers', () => {
  const people = [
    { id: 'm-b', name: '王五', kind: 'member' as const, sector: '经济界' },
    { id: 'm-a', name: '李四', kind: 'member' as const },
    { id: 's-econ', name: '经济界', kind: 'sector' as const },
    { id: 'c-1', name: '市政协提案委员会', kind: 'committee' as const },
  ];
  const rows = [
    { id: '7-1/1', session: '7-1', number: '1', title: '甲', proposers: ['m-b', 'm-a'], key: {} },
    { id: '7-1/2', session: '7-1', number: '2', title: '乙', proposers: ['m-a'] },
    { id: '6-1/3', session: '6-1', number: '3', title: '丙', proposers: ['m-a'] },
  ];
  const byProposal = new Map<string, ReplyEntryData[]>([
    ['7-1/1', [published('7-1/1/gaj', 'A'), withheld('7-1/1/jtj', 'C')]],
    ['7-1/2', [published('7-1/2/gaj', 'B'), unpublished('7-1/2/jtj')]],
  ]);
  const list = proposerSummaries(people, rows, byProposal);
  it('counts proposals, first-named, key proposals, categories and disclosure states', () => {
    const a = list.find((p) => p.id === 'm-a')!;
    expect(a).toMatchObject({ proposals: ['7-1/1', '7-1/2', '6-1/3'], first: 2, key: ['7-1/1'], graded: 3 });
    expect(a.categories).toEqual({ A: 1, B: 1, C: 1, D: 0 });
    expect(a.aShare).toBe(33.33);
    expect([a.published, a.withheld, a.unpublished]).toEqual([2, 1, 1]);
    expect(a.sessions).toEqual(['7-1', '6-1']);
    expect(list.find((p) => p.id === 'c-1')).toMatchObject({ proposals: [], aShare: null });
  });
  it('orders: by kind, by sector, by count, by A share', () => {
    expect(byKind(list).map((g) => [g.kind, g.items.map((p) => p.id)])).toEqual([
      ['member', ['m-a', 'm-b']],
      ['committee', ['c-1']],
      ['sector', ['s-econ']],
    ]);
    expect(bySector(list).map((g) => [g.sector, g.items.map((p) => p.id)])).toEqual([
      ['经济界', ['s-econ', 'm-b']],
      ['未注明界别', ['m-a', 'c-1']],
    ]);
    expect([...list].sort(proposerOrders.count.sort)[0].id).toBe('m-a');
    expect([...list].sort(proposerOrders['a-share'].sort).map((p) => p.id)).toEqual(['m-b', 'm-a', 's-econ', 'c-1']);
  });
  it('open-data rows', () => {
    const row = proposerExportRows(list, 'https://replies.example.org').find((r) => r.id === 'm-b')!;
    expect(row).toMatchObject({
      kind: 'member',
      sector: '经济界',
      proposals: 1,
      a: 1,
      c: 1,
      withheld: 1,
      url: 'https://replies.example.org/proposers/m-b/',
    });
  });
});
