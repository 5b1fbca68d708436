/**
 * Atom 1.0 feeds (RFC 4287) of newly published replies and of corrections.
 * Pure: dates come from the records and the build date, so two builds of the
 * same content give the same bytes. Built from the disclosure gate's output
 * only, and filtered by state again: only published replies have entries.
 */
import { dayPlusSeconds, instant, newestFirst, type FeedCategory, type FeedEntry } from './atom.ts';
import { replyTitle } from './citation.ts';
import { isPublished, type ProposalEntryData, type PublishedEntryData, type ReplyEntryData } from './disclosure.ts';
import { categoryLabel } from './labels.ts';
import { excerpt, oneLine, plainText, textFromHtml } from './plain-text.ts';
import type { Topic, Unit } from './model/schemas/registry.ts';
import { absoluteUrl, replyUrl } from './urls.ts';

export interface FeedLookups {
  /** The site's absolute address. */
  siteUrl: string;
  proposals: Map<string, ProposalEntryData>;
  units: Map<string, Unit>;
  /** When given, the proposal's topics become categories. */
  topics?: Map<string, Topic>;
  /** A reply's rendered body, when the build has it: its summary is read from it, not rendered again. */
  html?: (id: string) => string | undefined;
}

const published = (replies: readonly ReplyEntryData[]) => replies.filter(isPublished);

function context(r: PublishedEntryData, lookups: FeedLookups) {
  const proposal = lookups.proposals.get(r.proposal);
  const unit = lookups.units.get(r.unit);
  if (!proposal || !unit) throw new Error(`生成订阅源时找不到答复 ${r.id} 的提案或单位`);
  return { proposal, unit, url: absoluteUrl(lookups.siteUrl, replyUrl(r.session, r.number, r.unit)) };
}

function categoriesOf(r: PublishedEntryData, proposal: ProposalEntryData, lookups: FeedLookups): FeedCategory[] {
  const topics = lookups.topics;
  return [
    ...(r.category ? [{ term: r.category, label: categoryLabel(r.category) }] : []),
    ...(topics
      ? proposal.data.topics.flatMap((id) => {
          const topic = topics.get(id);
          return topic ? [{ term: id, label: topic.name }] : [];
        })
      : []),
  ];
}

/**
 * An entry's title: the document's own title when the record gives it, else the
 * one citations compose; a co unit's reply is named a 协办意见, not 答复.
 */
export function replyEntryTitle(
  r: Pick<PublishedEntryData, 'unit' | 'disclosure' | 'title'>,
  proposal: ProposalEntryData,
): string {
  const role = proposal.data.units.find((u) => u.unit === r.unit)?.role;
  return replyTitle(proposal.data.title, r.disclosure, {
    ...(r.title && { documentTitle: r.title }),
    ...(role && { role }),
  });
}

/** The last day a reply changed: its newest correction, else the day it was published. */
export function lastUpdated(r: Pick<PublishedEntryData, 'publishedOn' | 'corrections'>): string {
  return r.corrections.reduce((d, c) => (c.on > d ? c.on : d), r.publishedOn);
}

/** The reply feeds' order: newest published first, ties by id. */
const feedOrder = (a: PublishedEntryData, b: PublishedEntryData) =>
  newestFirst({ updated: a.publishedOn }, { updated: b.publishedOn }) || (a.id < b.id ? -1 : 1);

/**
 * Each published reply's `updated` instant in the reply feeds: the day it last
 * changed (`lastUpdated`) plus an ordering offset in seconds, so that no two
 * entries share an instant (feed readers and the W3C validator expect that)
 * and the instants fall down the feed in the order it lists them. Among the
 * n replies of one day, listed in feed order, the first gets n − 1 seconds
 * after midnight, the last 0. Computed over the whole corpus, so a reply has
 * the same instant in every feed; deterministic, since it depends on the
 * records only.
 */
export function replyInstants(replies: readonly ReplyEntryData[]): Map<string, string> {
  const byDay = new Map<string, PublishedEntryData[]>();
  for (const r of published(replies).sort(feedOrder)) {
    const day = lastUpdated(r);
    const group = byDay.get(day);
    if (group) group.push(r);
    else byDay.set(day, [r]);
  }
  const out = new Map<string, string>();
  for (const [day, group] of byDay) group.forEach((r, i) => out.set(r.id, dayPlusSeconds(day, group.length - 1 - i)));
  return out;
}

/** `replyInstants` of each corpus array, made once: every unit's feed passes the same whole corpus. */
const instantsOf = new WeakMap<readonly ReplyEntryData[], Map<string, string>>();

function instantsFor(corpus: readonly ReplyEntryData[]): Map<string, string> {
  let instants = instantsOf.get(corpus);
  if (!instants) instantsOf.set(corpus, (instants = replyInstants(corpus)));
  return instants;
}

/**
 * Each reply's summary, made once: one reply is listed in its unit's feed and in its proposers'. From the
 * rendered body when the lookups have it, else rendered here from the Markdown: the same text either way.
 */
const summaries = new WeakMap<PublishedEntryData, string>();

function summaryOf(r: PublishedEntryData, lookups: FeedLookups): string {
  let summary = summaries.get(r);
  if (summary === undefined) {
    const html = lookups.html?.(r.id);
    summary = excerpt(html === undefined ? plainText(r.body) : oneLine(textFromHtml(html)));
    summaries.set(r, summary);
  }
  return summary;
}

/**
 * The `limit` most recently published replies, newest first (ties by id).
 * `updated` is the newest correction's day when there is one, else the
 * publication day, made a distinct instant by `replyInstants` over `corpus`
 * (all replies: a unit's feed passes its own replies and the whole corpus).
 */
export function replyFeedEntries(
  replies: readonly ReplyEntryData[],
  lookups: FeedLookups,
  limit = 50,
  corpus: readonly ReplyEntryData[] = replies,
): FeedEntry[] {
  const instants = instantsFor(corpus);
  return published(replies)
    .sort(feedOrder)
    .slice(0, limit)
    .map((r) => {
      const { proposal, unit, url } = context(r, lookups);
      return {
        id: url,
        title: `${unit.name}：${replyEntryTitle(r, proposal)}`,
        url,
        updated: instants.get(r.id) ?? instant(lastUpdated(r)),
        published: r.publishedOn,
        summary: summaryOf(r, lookups),
        categories: categoriesOf(r, proposal, lookups),
        author: unit.name,
      };
    });
}

/**
 * A `tag:` URI (RFC 4151) for the `index`-th correction (1-based, in the order
 * the record lists them, newest last) of the reply at `url`, dated by the
 * correction: `tag:replies.example.org,2021-10-08:/proposals/7-1/20210009/sfj/corrections/1`.
 */
export function correctionTag(url: string, on: string, index: number): string {
  const u = new URL(url);
  return `tag:${u.hostname},${on}:${u.pathname}corrections/${index}`;
}

/** One correction of a published reply, as the corrections feed and the /corrections/ page list it. */
export interface CorrectionItem {
  /** The reply's absolute address. */
  url: string;
  /** `<unit>：<reply title>`. */
  title: string;
  unit: string;
  on: string;
  /** The correction's note, whole. */
  note: string;
  /** 1-based, in the order the reply lists its corrections. */
  index: number;
}

/** Every correction of a published reply, newest first; same day: by reply, a reply's later correction first. */
export function correctionItems(replies: readonly ReplyEntryData[], lookups: FeedLookups): CorrectionItem[] {
  const items: (CorrectionItem & { reply: string })[] = [];
  for (const r of published(replies)) {
    if (r.corrections.length === 0) continue;
    const { proposal, unit, url } = context(r, lookups);
    r.corrections.forEach((c, i) => {
      const title = `${unit.name}：${replyEntryTitle(r, proposal)}`;
      items.push({ reply: r.id, index: i + 1, url, title, unit: unit.name, on: c.on, note: c.note });
    });
  }
  return items
    .sort(
      (a, b) =>
        newestFirst({ updated: a.on }, { updated: b.on }) ||
        (a.reply < b.reply ? -1 : a.reply > b.reply ? 1 : b.index - a.index),
    )
    .map(({ reply: _reply, ...item }) => item);
}

/** One entry per correction of a published reply, newest first; at most `limit`. */
export function correctionFeedEntries(
  replies: readonly ReplyEntryData[],
  lookups: FeedLookups,
  limit = 50,
): FeedEntry[] {
  return correctionItems(replies, lookups)
    .slice(0, limit)
    .map((c) => ({
      id: correctionTag(c.url, c.on, c.index),
      title: `更正 · ${c.title}`,
      url: c.url,
      updated: c.on,
      published: c.on,
      summary: excerpt(c.note.replace(/\s+/g, ' ').trim()),
      categories: [{ term: 'correction', label: '更正' }],
      author: c.unit,
    }));
}
