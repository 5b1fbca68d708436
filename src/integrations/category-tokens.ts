/**
 * The category colours' CSS custom properties (`--a-bg`, `--a-fg`, …) as a
 * Vite module, `virtual:category-tokens.css`, written from the one palette in
 * src/charts/palette.ts. The layout imports it beside global.css, so Astro
 * bundles it into the same stylesheet file: no inline style, the CSP holds.
 */
import type { Plugin } from 'vite';
import { categoryTokensCss } from '../charts/palette.ts';

const ID = 'virtual:category-tokens.css';

export default function categoryTokens(): Plugin {
  return {
    name: 'open-replies:category-tokens',
    resolveId: (id) => (id === ID ? `\0${ID}` : undefined),
    load: (id) => (id === `\0${ID}` ? categoryTokensCss() : undefined),
  };
}
