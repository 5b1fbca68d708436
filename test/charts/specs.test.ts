/** Chart specs built from a published fixture corpus: the numbers drawn are the numbers tabled and downloaded. */
import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { allCharts, chartCsv, sessionCharts, statsCharts, type ChartData } from '../../src/charts/index.ts';
import { checkCorpus } from '../../src/lib/model/corpus/index.ts';
import { publish } from '../../src/lib/disclosure.ts';
import { groupBy, indexBy } from '../../src/lib/views.ts';
import { fixtureFiles } from '../helpers.ts';

function chartData(name: string): ChartData {
  const pub = publish(checkCorpus(fixtureFiles(name), { render: true }).corpus!, '2030-01-01');
  const replies = pub.replies.map((r) => (r.state === 'published' ? (({ html: _h, ...rest }) => rest)(r) : r));
  return {
    buildDate: pub.buildDate,
    replies,
    proposals: pub.proposals.map(({ html: _h, ...p }) => p),
    units: indexBy(pub.units),
    topics: indexBy(pub.topics),
    sessions: indexBy(pub.sessions),
    repliesByProposal: groupBy(replies, (r) => r.proposal),
  };
}

describe('chart specs', () => {
  const d = chartData('design-example');

  it("reproduce the report's official figures in the session's tables", () => {
    const [funnel, categories] = sessionCharts(d.sessions.get('7-1')!, d);
    expect(funnel.rows.map((r) => r.count)).toEqual([739, 714, 25, 579, 567, 616]);
    expect(categories.rows.map((r) => [r.official, r.officialShare])).toEqual([
      [461, '74.84%'],
      [119, '19.32%'],
      [32, '5.19%'],
      [4, '0.65%'],
    ]);
  });

  it('never count a reply that is not published or withheld', () => {
    const leak = chartData('leak');
    const disclosure = statsCharts(leak).find((c) => c.id === 'stats-disclosure')!;
    expect(disclosure.rows).toEqual([
      { label: '全文公开', count: 1, share: '16.67%' },
      { label: '摘要公开', count: 1, share: '16.67%' },
      { label: '不予公开', count: 1, share: '16.67%' },
      { label: '暂未公开', count: 3, share: '50.00%' },
    ]);
    const categories = statsCharts(leak).find((c) => c.id === 'stats-categories')!;
    expect(categories.rows.reduce((s, r) => s + Number(r.count), 0)).toBe(3);
  });

  it('have unique ids, an accessible SVG each, and a CSV equal to the table', () => {
    const specs = allCharts(d);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    for (const s of specs) {
      expect(s.svg).toMatch(/^<svg[^>]+role="img"/);
      expect(s.svg).not.toContain('style=');
      const csv = chartCsv(s);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csvParseRows(csv.slice(1).trim())).toEqual([
        s.columns.map((c) => c.label),
        ...s.rows.map((r) => s.columns.map((c) => String(r[c.key] ?? ''))),
      ]);
    }
  });

  it('refuses a CSV whose header would name two columns alike (its rows are keyed by label)', () => {
    const spec = {
      ...allCharts(d)[0],
      columns: [
        { key: 'a', label: '答复' },
        { key: 'b', label: '答复' },
      ],
    };
    expect(() => chartCsv(spec)).toThrow(/列名重复/);
  });
});
