/** Categories in a chart: the fill patterns, the letter in a segment, the legend. */
import { categoryZh } from '../../lib/labels.ts';
import { categories, type Category } from '../../lib/model/schemas/common.ts';
import { categoryPalette } from '../palette.ts';
import { el, escapeXml, PAD, SMALL, text, textWidth, TINY } from './primitives.ts';

/** A 8×8 tile per category: A plain, B diagonal stripes, C dots, D a grid. */
function categoryPattern(id: string, c: Category): string {
  const base = el('rect', { width: 8, height: 8, fill: categoryPalette[c].chart });
  const marks: Record<Category, string> = {
    A: '',
    B: el('path', {
      d: 'M-2 2L2 -2M0 8L8 0M6 10L10 6',
      stroke: '#FFFFFF',
      'stroke-opacity': '0.45',
      'stroke-width': 1.5,
    }),
    C: el('circle', { cx: 2, cy: 2, r: 1.3, fill: '#000000', 'fill-opacity': '0.3' }),
    D: el('path', { d: 'M0 4H8M4 0V8', stroke: '#000000', 'stroke-opacity': '0.3', 'stroke-width': 1 }),
  };
  return el(
    'pattern',
    { id: `${id}-${c}`, class: `pattern-${c}`, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
    base + marks[c],
  );
}

/** The patterns (for `<defs>`) of the categories some row of `rows` has. */
export function categoryPatterns(id: string, rows: readonly { category?: Category }[] | 'all'): string[] {
  const used = rows === 'all' ? categories : categories.filter((c) => rows.some((r) => r.category === c));
  return used.map((c) => categoryPattern(id, c));
}

export function categoryFill(id: string, c: Category): string {
  return `url(#${id}-${c})`;
}

/** A category's letter in its ink, centred at (x, y): on a legend swatch or inside a segment. */
export function categoryLetter(content: string, c: Category, x: number, y: number, hidden?: boolean): string {
  return el(
    'text',
    {
      x,
      y,
      fill: categoryPalette[c].ink,
      'font-size': TINY,
      'font-weight': 700,
      'text-anchor': 'middle',
      'dominant-baseline': 'central',
      'aria-hidden': hidden ? 'true' : undefined,
    },
    escapeXml(content),
  );
}

/** The category legend: swatch with its letter, then `A 类 已解决或基本解决`; wraps to fit. */
export function categoryLegend(id: string, y0: number, width: number): { marks: string[]; height: number } {
  const LINE = 22;
  const SW = 14;
  const marks: string[] = [];
  let x = PAD;
  let line = 0;
  for (const c of categories) {
    const label = `${c} 类 ${categoryZh[c]}`;
    const w = SW + 6 + textWidth(label, SMALL);
    if (x > PAD && x + w > width - PAD) {
      line += 1;
      x = PAD;
    }
    const y = y0 + line * LINE;
    marks.push(
      el(
        'g',
        { class: `legend-item legend-${c}` },
        el('rect', { x, y, width: SW, height: SW, fill: categoryFill(id, c) }) +
          categoryLetter(c, c, x + SW / 2, y + SW / 2) +
          text(label, { x: x + SW + 6, y: y + SW / 2, 'font-size': SMALL, 'dominant-baseline': 'central' }),
      ),
    );
    x += w + 18;
  }
  return { marks, height: (line + 1) * LINE };
}
