import { describe, expect, it } from 'vitest';
import {
  barChart,
  columnChart,
  escapeXml,
  funnelChart,
  groupedBarChart,
  stackedBarChart,
  textWidth,
} from '../../src/charts/index.ts';
import {
  byMonth,
  byUnit,
  categoryShares,
  disclosureComposition,
  officialVsDisclosed,
  officialVsDisclosedSeries,
  replyTimes,
  sessionFunnel,
} from '../../src/charts/index.ts';
import { ledgerRow } from '../../src/lib/ledger.ts';
import { named, published, reportOfficial, unpublished, withheld } from './fixtures.ts';

const units = named({ fgw: '市发展改革委', jtj: '市交通运输局', jyj: '市教育局', gaj: '市公安局' });
const unitReplies = [
  ...Array.from({ length: 12 }, (_, i) => published(`7-1/${i + 1}/fgw`, i < 9 ? 'A' : i < 11 ? 'B' : 'C')),
  ...Array.from({ length: 5 }, (_, i) => published(`7-1/${i + 1}/jtj`, i < 2 ? 'B' : 'A')),
  withheld('7-1/20/jtj', 'D'),
  published('7-1/1/jyj', 'A'),
  published('7-1/2/jyj', 'C'),
  published('7-1/1/gaj', 'D'),
  unpublished('7-1/3/gaj'),
];

const monthReplies = [
  published('7-1/1/a', 'A', '2021-11-03'),
  published('7-1/2/a', 'B', '2021-11-30'),
  published('7-1/3/a', 'A', '2022-02-01'),
  published('7-1/4/a', 'A', '2022-03-15'),
  published('7-1/5/a', 'A', '2022-03-16'),
  published('7-1/6/a', 'A', '2022-03-17'),
];

const times = replyTimes(
  [3, 25, 45, 70, 72, 100, 150, 200].map((d) => ({
    filedOn: '2021-01-20',
    repliedOn: new Date(Date.UTC(2021, 0, 20 + d)).toISOString().slice(0, 10),
  })),
);

interface Case {
  name: string;
  id: string;
  svg: string;
  values: string[];
}

const cases: Case[] = [
  {
    name: 'bar-categories',
    id: 'cat',
    svg: barChart(categoryShares(reportOfficial.categories), { id: 'cat', title: '办理结果' }),
    values: ['461（74.84%）', '119（19.32%）', '32（5.19%）', '4（0.65%）'],
  },
  {
    name: 'bar-disclosure',
    id: 'disc',
    svg: barChart(
      disclosureComposition(
        ledgerRow([
          published('7-1/1/a', 'A'),
          published('7-1/2/a', 'B', '2021-06-30', 'summary'),
          withheld('7-1/3/a', 'C'),
          unpublished('7-1/4/a'),
        ]),
      ),
      { id: 'disc', title: '公开情况', desc: '本站收录答复的公开情况。' },
    ),
    values: ['1（25.00%）'],
  },
  {
    name: 'stacked-units',
    id: 'units',
    svg: stackedBarChart(byUnit(unitReplies, units, 2), { id: 'units', title: '各单位答复的办理结果' }),
    values: ['12', '6', '3'],
  },
  {
    name: 'grouped-official',
    id: 'cmp',
    svg: groupedBarChart(officialVsDisclosed(reportOfficial.categories, { A: 3, B: 1, C: 0, D: 0 }), {
      id: 'cmp',
      title: '政府公布与本站收录',
      series: officialVsDisclosedSeries,
    }),
    values: ['74.84%（461）', '75.00%（3）', '19.32%（119）', '25.00%（1）', '5.19%（32）', '0.65%（4）', '0.00%（0）'],
  },
  {
    name: 'funnel-session',
    id: 'funnel',
    svg: funnelChart(sessionFunnel(reportOfficial), { id: 'funnel', title: '提案办理流程' }),
    values: ['739（100.00%）', '714（96.62%）', '25（3.38%）', '579（78.35%）', '567（76.73%）', '616'],
  },
  {
    name: 'column-months',
    id: 'months',
    svg: columnChart(byMonth(monthReplies), { id: 'months', title: '每月答复' }),
    values: ['2', '0', '1', '3'],
  },
  {
    name: 'column-times',
    id: 'times',
    svg: columnChart(times.bins, { id: 'times', title: '答复用时', plotHeight: 120 }),
    values: ['2', '1'],
  },
];

describe('every chart', () => {
  it.each(cases)('$name is an image labelled by its own title and desc', ({ svg, id }) => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
    expect(svg).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title>`));
    expect(svg).toMatch(new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
    expect(svg).toMatch(/viewBox="0 0 640 \d+(\.\d)?"/);
  });

  it.each(cases)('$name has no inline style and no style element (strict CSP)', ({ svg }) => {
    expect(svg).not.toContain('style=');
    expect(svg).not.toContain('<style');
    expect(svg).not.toContain('font-family');
    expect(svg).not.toContain('<script');
  });

  it.each(cases)('$name writes every value label', ({ svg, values }) => {
    for (const v of values) expect(svg).toContain(`>${v}</text>`);
  });

  it.each(cases)('$name rounds coordinates to one decimal', ({ svg }) => {
    expect(svg).not.toMatch(/\b(x|y|x1|x2|y1|y2|width|height|cx|cy)="-?\d+\.\d{2,}"/);
    expect(svg).not.toContain('NaN');
    expect(svg).not.toContain('="-0"');
  });

  it.each(cases)('$name matches its snapshot', async ({ name, svg }) => {
    await expect(svg).toMatchFileSnapshot(`./__snapshots__/${name}.svg`);
  });
});

describe('renderers', () => {
  it('are deterministic', () => {
    const render = () => stackedBarChart(byUnit(unitReplies, units), { id: 'u', title: '单位' });
    expect(render()).toBe(render());
  });

  it('never rely on colour alone: patterns, a legend with letters, letters in wide segments', () => {
    const svg = cases.find((c) => c.name === 'stacked-units')!.svg;
    for (const c of ['A', 'B', 'C', 'D']) {
      expect(svg).toContain(`<pattern id="units-${c}"`);
      expect(svg).toContain(`<g class="legend-item legend-${c}">`);
    }
    expect(svg).toContain('A 类 已解决或基本解决');
    expect(svg).toContain('>A 9</text>');
    expect(svg).toContain('fill="url(#units-B)"');
  });

  it('draws text in currentColor so it follows dark mode', () => {
    const svg = cases[0].svg;
    const texts = svg.match(/<text [^>]*>/g) ?? [];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('fill="currentColor"'))).toBe(true);
  });

  it('escapes every text', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const svg = barChart([{ label: '<b>&"', count: 1 }], { id: 'e"x', title: 'A & B <c>', desc: '"引号"' });
    expect(svg).toContain('<title id="e&quot;x-title">A &amp; B &lt;c&gt;</title>');
    expect(svg).toContain('&lt;b&gt;&amp;&quot;');
    expect(svg).toContain('<desc id="e&quot;x-desc">&quot;引号&quot;</desc>');
    expect(svg).not.toContain('<b>');
  });

  it('shortens long labels with an ellipsis and keeps the full name in the tooltip', () => {
    const long = '深圳市规划和自然资源局某某管理局特别长的名字用于测试截断效果';
    const svg = barChart([{ label: long, count: 3 }], { id: 'long', title: '长名称' });
    expect(svg).toMatch(/>深圳市规划和[^<]*…<\/text>/);
    expect(svg).toContain(`<title>${long}：3</title>`);
  });

  it('lists the values in the default description', () => {
    expect(cases[0].svg).toContain(
      '<desc id="cat-desc">A 类：461（74.84%）；B 类：119（19.32%）；C 类：32（5.19%）；D 类：4（0.65%）。</desc>',
    );
  });

  it('says so when there is nothing to draw', () => {
    for (const svg of [
      barChart([], { id: 'e', title: '空' }),
      stackedBarChart([], { id: 'e', title: '空' }),
      columnChart([], { id: 'e', title: '空' }),
      funnelChart([], { id: 'e', title: '空' }),
      groupedBarChart([], { id: 'e', title: '空', series: officialVsDisclosedSeries }),
    ]) {
      expect(svg).toContain('role="img"');
      expect(svg).toContain('>暂无数据</text>');
    }
  });

  it('thins the ticks of long series but keeps each month in the tooltips', () => {
    const rows = byMonth(
      Array.from({ length: 36 }, (_, i) =>
        published(`7-1/${i}/a`, 'A', `${2021 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10`),
      ),
    );
    const svg = columnChart(rows, { id: 'm', title: '每月' });
    expect(rows).toHaveLength(36);
    expect((svg.match(/class="tick"/g) ?? []).length).toBeLessThan(36);
    expect((svg.match(/<title>20\d\d年\d+月：1<\/title>/g) ?? []).length).toBe(36);
    expect((svg.match(/class="tick-group">20\d\d年</g) ?? []).length).toBe(3);
  });

  it('estimates CJK text at one em and Latin narrower', () => {
    expect(textWidth('市教育局', 10)).toBe(40);
    expect(textWidth('123', 10)).toBeCloseTo(18);
  });
});
