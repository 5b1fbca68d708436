/**
 * Chart data: pure transforms of the disclosure gate's output into plain rows
 * (labels, counts, shares) that feed both a chart (../marks/) and the `<table>`
 * printed beside it. No Astro, no DOM. Every ordering is deterministic: ties
 * are broken by id or label, so two builds draw the same charts.
 *
 * Only what the gate lets a page show is counted: categories only of replies
 * whose category may be shown (published or withheld), dates only of published
 * replies; unpublished replies appear, if at all, as a bare count.
 */
export { type Named } from './common.ts';
export * from './categories.ts';
export * from './funnel.ts';
export * from './stacks.ts';
export * from './time.ts';
