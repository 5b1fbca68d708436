export * from './common.ts';
export * from './site.ts';
export * from './registry.ts';
export * from './session.ts';
export * from './proposal.ts';
export * from './reply.ts';
