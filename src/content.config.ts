/**
 * Collections: loaders and the shapes of what they store, nothing else.
 * Every collection comes from one loader that checks the whole content root
 * (CONTENT_DIR, default `content/`) and stores only what the disclosure gate
 * publishes. The shapes are the gate's output types; the content model's own
 * schemas live in `src/lib/model/schemas` and are applied by the loader.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import type { ProposalEntryData, ReplyEntryData } from './lib/disclosure.ts';
import type { Proposer, Session, Site, Topic, Unit } from './lib/model/schemas/index.ts';
import { corpusLoader } from './loaders/corpus.ts';

export const collections = {
  site: defineCollection({ loader: corpusLoader('site'), schema: z.custom<Site & { buildDate: string }>() }),
  units: defineCollection({ loader: corpusLoader('units'), schema: z.custom<Unit>() }),
  topics: defineCollection({ loader: corpusLoader('topics'), schema: z.custom<Topic>() }),
  proposers: defineCollection({ loader: corpusLoader('proposers'), schema: z.custom<Proposer>() }),
  sessions: defineCollection({ loader: corpusLoader('sessions'), schema: z.custom<Session>() }),
  proposals: defineCollection({ loader: corpusLoader('proposals'), schema: z.custom<ProposalEntryData>() }),
  replies: defineCollection({
    loader: corpusLoader('replies'),
    schema: z.custom<ReplyEntryData>(),
  }),
};
