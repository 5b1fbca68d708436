import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { barChart, categoryPalette, categoryTokensCss } from '../../src/charts/index.ts';
import { categories } from '../../src/lib/model/schemas/common.ts';

describe('the category palette', () => {
  it('writes every category’s badge tokens, light and under prefers-color-scheme: dark', () => {
    const css = categoryTokensCss();
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const c of categories) {
      const k = c.toLowerCase();
      expect(light).toContain(`--${k}-bg: ${categoryPalette[c].light.bg};`);
      expect(light).toContain(`--${k}-fg: ${categoryPalette[c].light.fg};`);
      expect(dark).toContain(`--${k}-bg: ${categoryPalette[c].dark.bg};`);
      expect(dark).toContain(`--${k}-fg: ${categoryPalette[c].dark.fg};`);
    }
  });

  it('is the one source: global.css defines no category colour of its own', () => {
    const global = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    expect(global).not.toMatch(/--[abcd]-(bg|fg)\s*:/);
    for (const c of categories) expect(global.toLowerCase()).not.toContain(categoryPalette[c].chart.toLowerCase());
  });

  it('fills the chart’s category patterns from the same palette', () => {
    const svg = barChart(
      categories.map((c) => ({ label: c, count: 1, category: c })),
      { id: 'p', title: 't' },
    );
    for (const c of categories) expect(svg).toContain(`fill="${categoryPalette[c].chart}"`);
  });
});
