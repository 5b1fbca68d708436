/**
 * The category colours: the one source of every colour that stands for a
 * category A–D, in the charts (SVG presentation attributes) and in the page's
 * badges and notes (the CSS custom properties `--a-bg`, `--a-fg`, …, which
 * `categoryTokensCss` writes and a Vite module bundles into the stylesheet, so
 * the CSP still holds: no inline style).
 */
import type { Category } from '../lib/model/schemas/common.ts';

export interface CategoryColors {
  /** The chart fill: Okabe–Ito, distinguishable with the common colour-vision deficiencies. */
  chart: string;
  /** Text on the chart fill: the one of black and white with more contrast. */
  ink: string;
  /** Badge background and text, light mode (`--a-bg`, `--a-fg`). */
  light: { bg: string; fg: string };
  /** Badge background and text, dark mode. */
  dark: { bg: string; fg: string };
}

// A data table: one category per line.
// prettier-ignore
export const categoryPalette: Record<Category, CategoryColors> = {
  A: { chart: '#009E73', ink: '#000000', light: { bg: '#e3f3e8', fg: '#14532d' }, dark: { bg: '#12321f', fg: '#a7e9bd' } },
  B: { chart: '#0072B2', ink: '#FFFFFF', light: { bg: '#e2eefa', fg: '#0c4a7e' }, dark: { bg: '#112a44', fg: '#b3d6fb' } },
  C: { chart: '#E69F00', ink: '#000000', light: { bg: '#fdf0d5', fg: '#6b4000' }, dark: { bg: '#3a2a0b', fg: '#fbd98b' } },
  D: { chart: '#999999', ink: '#000000', light: { bg: '#eceef2', fg: '#3d4350' }, dark: { bg: '#2a2e37', fg: '#d3d7df' } },
};

/** Bars that stand for no category. */
export const NEUTRAL = '#0072B2';

/** The categories' CSS custom properties, light and (under `prefers-color-scheme: dark`) dark. */
export function categoryTokensCss(): string {
  const tokens = (mode: 'light' | 'dark', indent: string) =>
    Object.entries(categoryPalette)
      .flatMap(([c, p]) => [
        `${indent}--${c.toLowerCase()}-bg: ${p[mode].bg};`,
        `${indent}--${c.toLowerCase()}-fg: ${p[mode].fg};`,
      ])
      .join('\n');
  return `:root {\n${tokens('light', '  ')}\n}\n\n@media (prefers-color-scheme: dark) {\n  :root {\n${tokens('dark', '    ')}\n  }\n}\n`;
}
