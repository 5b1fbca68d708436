/**
 * Charts: pure data transforms (./transforms/), the stateless SVG views they
 * feed (./marks/, one module per chart kind on shared primitives), and the
 * specs each page family shows (./specs/). Pages import from here.
 */
export * from './transforms/index.ts';
export * from './marks/index.ts';
export * from './specs/index.ts';
export { categoryPalette, categoryTokensCss } from './palette.ts';
