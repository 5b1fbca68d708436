/** Charts: pure data transforms and the stateless SVG views they feed. */
export * from './transforms.ts';
export * from './svg.ts';
