/**
 * The disclosure gate: the one place that decides what of the corpus may be
 * published. Every page, list, count, search record, download and feed is
 * built from `publish()`'s output, never from the checked corpus itself, so
 * text that is not cleared cannot reach them. It fails closed: anything not
 * positively published is reduced to the fields the ledger may show.
 */
import type { Corpus, ProposalRecord, ReplyRecord } from './model/corpus/index.ts';
import type { Category, WithheldReason } from './model/schemas/common.ts';
import type { Commitment, PublishedDisclosure, ReplyFrontmatter } from './model/schemas/reply.ts';

/** What a reader may see of a reply. */
export type ReplyState = 'published' | 'withheld' | 'unpublished';

/** The day a reply may first appear: `publishOn`, else `repliedOn`; none for a pending reply that has neither. */
export function releaseDate(reply: Pick<ReplyFrontmatter, 'publishOn' | 'repliedOn'>): string | undefined {
  return reply.publishOn ?? reply.repliedOn;
}

/**
 * `published` for public and summary replies whose release date has come;
 * `withheld` (a ledger entry without text) for withheld replies whose release
 * date has come; `unpublished` for everything else: pending, embargoed, and
 * any value this code does not know.
 */
export function replyState(
  reply: Pick<ReplyFrontmatter, 'disclosure' | 'publishOn' | 'repliedOn'>,
  buildDate: string,
): ReplyState {
  const release = releaseDate(reply);
  // No date (a pending reply about which nothing is known) is never released.
  if (release === undefined || !(release <= buildDate)) return 'unpublished';
  if (reply.disclosure === 'public' || reply.disclosure === 'summary') return 'published';
  if (reply.disclosure === 'withheld') return 'withheld';
  return 'unpublished';
}

interface ReplyKey {
  /** `<session>/<number>/<unit>` */
  id: string;
  session: string;
  number: string;
  unit: string;
  /** `<session>/<number>` */
  proposal: string;
}

/** A reply cleared for publication: text and metadata. */
export interface PublishedReply extends ReplyKey {
  state: 'published';
  disclosure: PublishedDisclosure;
  /** Absent only for a co-handling opinion (协办意见) that was not graded. */
  category?: Category;
  repliedOn: string;
  /** The day it was (or is) released: `publishOn`, else `repliedOn`. */
  publishedOn: string;
  /** The document's own title. */
  title?: string;
  docNo?: string;
  /** 索引号 in the government's disclosure catalogue. */
  indexNo?: string;
  signedBy?: string;
  corrections: { on: string; note: string }[];
  feedback?: ReplyFrontmatter['feedback'];
  /** What the reply promises, shown only with the published reply. */
  commitments: Commitment[];
  /** The text as written (Markdown with the dialect's components). */
  body: string;
  /** The text rendered to HTML. */
  html: string;
}

/** A withheld reply: a ledger entry, never text. */
export interface WithheldReply extends ReplyKey {
  state: 'withheld';
  /** Absent only for a co-handling opinion (协办意见) that was not graded. */
  category?: Category;
  withheldReason: WithheldReason;
}

/** A reply not (yet) published: only that it exists, as the proposal's units already say. */
export interface UnpublishedReply extends ReplyKey {
  state: 'unpublished';
}

export type PublicReply = PublishedReply | WithheldReply | UnpublishedReply;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A reply as the collections store it: the HTML is the entry's rendered content. */
export type ReplyEntryData = DistributiveOmit<PublicReply, 'html'>;
/** A published reply as the collections store it. */
export type PublishedEntryData = Extract<ReplyEntryData, { state: 'published' }>;
/** A withheld reply as the collections store it: a ledger entry. */
export type WithheldEntryData = Extract<ReplyEntryData, { state: 'withheld' }>;
/** A reply whose category may be shown: published or withheld. */
export type ShownEntryData = PublishedEntryData | WithheldEntryData;

/** The one test, used everywhere, of what a stored reply may show. */
export const isPublished = <R extends { state: string }>(r: R): r is Extract<R, { state: 'published' }> =>
  r.state === 'published';
export const isWithheld = <R extends { state: string }>(r: R): r is Extract<R, { state: 'withheld' }> =>
  r.state === 'withheld';
/** Published or withheld: its category may be shown and counted. */
export const isShown = <R extends { state: string }>(r: R): r is Extract<R, { state: 'published' | 'withheld' }> =>
  r.state === 'published' || r.state === 'withheld';

/**
 * Published or withheld and graded: counted in category figures. A co-handling
 * opinion (协办意见) without a category is shown but not counted by category.
 */
export const isGraded = <R extends { state: string }>(
  r: R,
): r is Extract<R, { state: 'published' | 'withheld' }> & { category: Category } =>
  isShown(r) && (r as { category?: Category }).category !== undefined;

/** A proposal as the collections store it. */
export type ProposalEntryData = Omit<PublicProposal, 'html'>;

export interface PublicProposal extends Omit<ProposalRecord, 'file' | 'html'> {
  html: string;
}

export interface PublicCorpus extends Omit<Corpus, 'replies' | 'proposals'> {
  /** The build date every embargo was compared with. */
  buildDate: string;
  proposals: PublicProposal[];
  replies: PublicReply[];
}

/** Reduce one checked reply to what may be published of it on `buildDate`. */
export function discloseReply(r: ReplyRecord, buildDate: string): PublicReply {
  const key: ReplyKey = { id: r.id, session: r.session, number: r.number, unit: r.unit, proposal: r.proposal };
  const state = replyState(r.data, buildDate);
  const d = r.data;
  if (state === 'published' && d.repliedOn !== undefined) {
    return {
      ...key,
      state,
      disclosure: d.disclosure as PublishedDisclosure,
      ...(d.category !== undefined && { category: d.category }),
      repliedOn: d.repliedOn,
      publishedOn: releaseDate(d)!,
      ...(d.title !== undefined && { title: d.title }),
      ...(d.docNo !== undefined && { docNo: d.docNo }),
      ...(d.indexNo !== undefined && { indexNo: d.indexNo }),
      ...(d.signedBy !== undefined && { signedBy: d.signedBy }),
      corrections: d.corrections ?? [],
      ...(d.feedback !== undefined && { feedback: d.feedback }),
      commitments: d.commitments ?? [],
      body: r.body,
      html: r.html ?? '',
    };
  }
  if (state === 'withheld' && d.withheldReason) {
    return {
      ...key,
      state,
      ...(d.category !== undefined && { category: d.category }),
      withheldReason: d.withheldReason,
    };
  }
  return { ...key, state: 'unpublished' };
}

/** The corpus as it may be published on `buildDate`. */
export function publish(corpus: Corpus, buildDate: string): PublicCorpus {
  return {
    site: corpus.site,
    units: corpus.units,
    topics: corpus.topics,
    proposers: corpus.proposers,
    sessions: corpus.sessions,
    buildDate,
    proposals: corpus.proposals.map(({ file: _file, html, ...p }) => ({ ...p, html: html ?? '' })),
    replies: corpus.replies.map((r) => discloseReply(r, buildDate)),
  };
}
