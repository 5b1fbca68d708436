/** Kept for existing imports: the open-data modules live in src/lib/open-data/. */
export * from './open-data/index.ts';
