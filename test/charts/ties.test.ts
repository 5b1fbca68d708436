/** Chart readings word a tie as a tie, never picking one of the equal values as "the most". */
import { describe, expect, it } from 'vitest';
import { categoryChart, joinZh, leaders, statsCharts } from '../../src/charts/index.ts';
import { named, published } from './fixtures.ts';

describe('ties', () => {
  it('a unit with one A and one B reply says they are equal, not that A is the most', () => {
    const spec = categoryChart('unit-x', '办理结果', [published('7-1/1/x', 'A'), published('7-1/2/x', 'B')], '来源');
    expect(spec.reading).toBe('2 份答复中，A 类和 B 类一样多，各 1 份，各占 50.00%。');
    expect(spec.reading).not.toMatch(/最多/);
  });
  it('a clear leader is still named as the most', () => {
    const spec = categoryChart(
      'unit-x',
      '办理结果',
      [published('7-1/1/x', 'A'), published('7-1/2/x', 'A'), published('7-1/3/x', 'B')],
      '来源',
    );
    expect(spec.reading).toBe('3 份答复中，A 类（已解决或基本解决）最多，占 66.67%。');
  });
  it('units, topics and months tied at the top are all named', () => {
    const replies = [published('7-1/1/gaj', 'A', '2021-06-30'), published('7-1/2/jtj', 'B', '2021-07-30')];
    const specs = statsCharts({
      buildDate: '2030-01-01',
      replies,
      proposals: [
        { id: '7-1/1', session: '7-1', number: '1', body: '', data: { topics: ['a'] } },
        { id: '7-1/2', session: '7-1', number: '2', body: '', data: { topics: ['b'] } },
      ] as never,
      units: named({ gaj: '市公安局', jtj: '市交通运输局' }),
      topics: named({ a: '治安', b: '交通' }),
      sessions: new Map(),
      repliesByProposal: new Map([
        ['7-1/1', [replies[0]]],
        ['7-1/2', [replies[1]]],
      ]),
    });
    const reading = (id: string) => specs.find((s) => s.id === id)!.reading;
    expect(reading('stats-units')).toMatch(/答复最多的是市(公安|交通运输)局和市(公安|交通运输)局（并列，各 1 份）/);
    expect(reading('stats-topics')).toMatch(/“(治安|交通)”和“(治安|交通)”（并列，各 1 份）/);
    expect(reading('stats-months')).toMatch(/并列最多，各 1 份/);
  });
  it('joins names the Chinese way and finds every leader', () => {
    expect(joinZh(['甲'])).toBe('甲');
    expect(joinZh(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(joinZh(['A 类', 'B 类', 'C 类'])).toBe('A 类、B 类和 C 类');
    expect(leaders([3, 1, 3], (n) => n)).toEqual([3, 3]);
    expect(leaders([0, 0], (n) => n)).toEqual([]);
  });
});
