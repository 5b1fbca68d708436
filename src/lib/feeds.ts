/**
 * Atom 1.0 feeds (RFC 4287) of newly published replies and of corrections.
 * Pure: dates come from the records and the build date, so two builds of the
 * same content give the same bytes. Built from the disclosure gate's output
 * only, and filtered by state again: only published replies have entries.
 */
import type { Nodes } from 'mdast';
import type {} from 'mdast-util-mdx';
import { replyTitle } from './citation.ts';
import { parseBody } from './model/dialect/index.ts';
import { isPublished, type ProposalEntryData, type PublishedEntryData, type ReplyEntryData } from './disclosure.ts';
import { rfc3339 } from './open-data/package.ts';
import { absoluteUrl } from './open-data/rows.ts';
import { categoryLabel } from './labels.ts';
import { redactedText } from './model/redaction.ts';
import type { Topic, Unit } from './model/schemas/registry.ts';
import { replyUrl } from './urls.ts';

export interface FeedCategory {
  term: string;
  label?: string;
  scheme?: string;
}

export interface FeedEntry {
  /** A permanent id: the reply's absolute address, or a `tag:` URI. */
  id: string;
  title: string;
  /** The page the entry points to (absolute). */
  url: string;
  /** The last significant change: `YYYY-MM-DD` (midnight in Beijing) or an RFC 3339 instant. */
  updated: string;
  /** `YYYY-MM-DD`: first published. */
  published?: string;
  /** Plain text, at most 200 characters. */
  summary: string;
  categories?: FeedCategory[];
  /** The unit's name. */
  author: string;
}

export interface Feed {
  /** The feed's permanent id: its absolute address, or a `tag:` URI. */
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own absolute address (`rel="self"`). */
  selfUrl: string;
  /** The HTML page it mirrors (`rel="alternate"`). */
  alternateUrl: string;
  /** `YYYY-MM-DD`: the build date. */
  updated: string;
  /** The feed's author; defaults to the title (every entry has its own author too). */
  author?: string;
  entries: FeedEntry[];
}

/** Characters XML 1.0 does not allow anywhere, even escaped. */
const XML_INVALID =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for XML content and double-quoted attributes. */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * What a browser shows for a feed: a page explaining how to subscribe, made by
 * /feeds/feed.xsl (public/feeds/); where the browser runs no XSLT (Chromium is
 * removing it), the CSS lays out the feed's own elements instead. Feed readers
 * ignore both.
 */
export const FEED_STYLESHEETS = [
  '<?xml-stylesheet type="text/xsl" href="/feeds/feed.xsl"?>',
  '<?xml-stylesheet type="text/css" href="/feeds/feed.css"?>',
] as const;

/** Newest first by `updated`; the sort is stable, so entries of the same day keep the order given. */
function newestFirst(a: { updated: string }, b: { updated: string }): number {
  return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A feed date as an RFC 3339 instant: a day is its midnight in Beijing; an instant in +08:00 stays as it is. */
function instant(value: string): string {
  return INSTANT.test(value) ? value : rfc3339(value);
}

/** `date` (`YYYY-MM-DD`) at midnight in Beijing plus `seconds` (less than a day), as RFC 3339. */
export function dayPlusSeconds(date: string, seconds: number): string {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds >= 86_400)
    throw new Error(`一天之内的秒数应为 0–86399，实际为 ${seconds}`);
  const [y, m, d] = rfc3339(date).slice(0, 10).split('-').map(Number);
  return `${new Date(Date.UTC(y, m - 1, d, 0, 0, seconds)).toISOString().slice(0, 19)}+08:00`;
}

/**
 * An Atom 1.0 document, entries newest first (entries of the same day in the
 * order given). The feed's `updated` is its own date or its newest entry's
 * instant, whichever is later.
 */
export function atomFeed(feed: Feed): string {
  const t = (tag: string, text: string, indent = '  ') => `${indent}<${tag}>${xmlEscape(text)}</${tag}>`;
  const link = (rel: string, type: string, href: string, indent = '  ') =>
    `${indent}<link rel="${rel}" type="${type}" href="${xmlEscape(href)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...FEED_STYLESHEETS,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    t('id', feed.id),
    `  <title type="text">${xmlEscape(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${xmlEscape(feed.subtitle)}</subtitle>`] : []),
    t(
      'updated',
      feed.entries.map((e) => instant(e.updated)).reduce((a, b) => (b > a ? b : a), instant(feed.updated)),
    ),
    link('self', 'application/atom+xml', feed.selfUrl),
    link('alternate', 'text/html', feed.alternateUrl),
    `  <author>${t('name', feed.author ?? feed.title, '')}</author>`,
  ];
  for (const e of [...feed.entries].sort(newestFirst)) {
    const i = '    ';
    lines.push(
      '  <entry>',
      t('id', e.id, i),
      `${i}<title type="text">${xmlEscape(e.title)}</title>`,
      link('alternate', 'text/html', e.url, i),
      ...(e.published ? [t('published', rfc3339(e.published), i)] : []),
      t('updated', instant(e.updated), i),
      `${i}<author>${t('name', e.author, '')}</author>`,
      ...(e.categories ?? []).map(
        (c) =>
          `${i}<category term="${xmlEscape(c.term)}"${c.scheme ? ` scheme="${xmlEscape(c.scheme)}"` : ''}${
            c.label ? ` label="${xmlEscape(c.label)}"` : ''
          }/>`,
      ),
      `${i}<summary type="text">${xmlEscape(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------
// Plain text from the dialect's Markdown

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'tableRow',
  'blockquote',
  'code',
  'thematicBreak',
]);

function attribute(node: Nodes, name: string): string {
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return '';
  const a = node.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : '';
}

function textOf(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      out.push(node.value);
      break;
    case 'break':
      out.push(' ');
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      if (node.name === 'Redacted') {
        out.push(` ${redactedText(attribute(node, 'reason'))} `);
        return;
      }
      if (node.name === 'Attachment') {
        out.push(` 附件：${attribute(node, 'title')} `);
        return;
      }
      break;
    // Expressions, ESM and HTML are not part of the dialect: never copied into text.
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'mdxjsEsm':
    case 'html':
      return;
  }
  if ('children' in node) for (const child of node.children) textOf(child as Nodes, out);
  if (BLOCKS.has(node.type)) out.push(' ');
}

/**
 * The plain text of a record's body: Markdown markup removed, components
 * reduced to what the page shows in words, whitespace collapsed.
 */
export function plainText(markdown: string): string {
  const { tree } = parseBody('body', markdown, 1);
  let text: string;
  if (tree) {
    const out: string[] = [];
    textOf(tree, out);
    text = out.join('');
  } else {
    // A body that does not parse never reaches the gate's output; strip markup crudely all the same.
    text = markdown.replace(/<[^>]*>/g, ' ').replace(/[#>*_`|[\]()~-]+/g, ' ');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points), cut with `…` when longer. */
export function excerpt(text: string, max = 200): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

// ---------------------------------------------------------------------------
// Entries

export interface FeedLookups {
  /** The site's absolute address. */
  siteUrl: string;
  proposals: Map<string, ProposalEntryData>;
  units: Map<string, Unit>;
  /** When given, the proposal's topics become categories. */
  topics?: Map<string, Topic>;
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
  const instants = replyInstants(corpus);
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
        summary: excerpt(plainText(r.body)),
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

/** One entry per correction of a published reply, newest first; at most `limit`. */
export function correctionFeedEntries(
  replies: readonly ReplyEntryData[],
  lookups: FeedLookups,
  limit = 50,
): FeedEntry[] {
  const entries: (FeedEntry & { reply: string; index: number })[] = [];
  for (const r of published(replies)) {
    if (r.corrections.length === 0) continue;
    const { proposal, unit, url } = context(r, lookups);
    r.corrections.forEach((c, i) => {
      entries.push({
        reply: r.id,
        index: i + 1,
        id: correctionTag(url, c.on, i + 1),
        title: `更正 · ${unit.name}：${replyEntryTitle(r, proposal)}`,
        url,
        updated: c.on,
        published: c.on,
        summary: excerpt(c.note.replace(/\s+/g, ' ').trim()),
        categories: [{ term: 'correction', label: '更正' }],
        author: unit.name,
      });
    });
  }
  // Same day: by reply, and a reply's later correction first.
  return entries
    .sort((a, b) => newestFirst(a, b) || (a.reply < b.reply ? -1 : a.reply > b.reply ? 1 : b.index - a.index))
    .slice(0, limit)
    .map(({ reply: _reply, index: _index, ...entry }) => entry);
}
