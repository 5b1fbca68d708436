/** What the corpus checks return: the records of a content root that has no problem. */
import type { Problem } from '../problems.ts';
import type { ProposalFrontmatter, Proposer, ReplyFrontmatter, Session, Site, Topic, Unit } from '../schemas/index.ts';

export interface ProposalRecord {
  /** `<session>/<number>` */
  id: string;
  session: string;
  number: string;
  file: string;
  data: ProposalFrontmatter;
  /** The body as written (Markdown). */
  body: string;
  /** The body rendered to HTML (when rendering was asked for). */
  html?: string;
}

export interface ReplyRecord {
  /** `<session>/<number>/<unit>` */
  id: string;
  session: string;
  number: string;
  unit: string;
  /** `<session>/<number>` of the proposal it answers. */
  proposal: string;
  file: string;
  data: ReplyFrontmatter;
  body: string;
  html?: string;
}

export interface Corpus {
  site: Site;
  units: Unit[];
  topics: Topic[];
  proposers: Proposer[];
  sessions: Session[];
  proposals: ProposalRecord[];
  replies: ReplyRecord[];
}

export interface CheckResult {
  /** Present only when there is no problem at all. */
  corpus?: Corpus;
  problems: Problem[];
}
