/**
 * Atom 1.0 documents (RFC 4287): the feed's shape and its writer. Pure: dates
 * come from the entries and the build date, so two builds of the same content
 * give the same bytes.
 */
import { rfc3339 } from './dates.ts';
import { escapeXml } from './xml.ts';

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
export function newestFirst(a: { updated: string }, b: { updated: string }): number {
  return a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A feed date as an RFC 3339 instant: a day is its midnight in Beijing; an instant in +08:00 stays as it is. */
export function instant(value: string): string {
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
  const t = (tag: string, text: string, indent = '  ') => `${indent}<${tag}>${escapeXml(text)}</${tag}>`;
  const link = (rel: string, type: string, href: string, indent = '  ') =>
    `${indent}<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    ...FEED_STYLESHEETS,
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    t('id', feed.id),
    `  <title type="text">${escapeXml(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`] : []),
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
      `${i}<title type="text">${escapeXml(e.title)}</title>`,
      link('alternate', 'text/html', e.url, i),
      ...(e.published ? [t('published', rfc3339(e.published), i)] : []),
      t('updated', instant(e.updated), i),
      `${i}<author>${t('name', e.author, '')}</author>`,
      ...(e.categories ?? []).map(
        (c) =>
          `${i}<category term="${escapeXml(c.term)}"${c.scheme ? ` scheme="${escapeXml(c.scheme)}"` : ''}${
            c.label ? ` label="${escapeXml(c.label)}"` : ''
          }/>`,
      ),
      `${i}<summary type="text">${escapeXml(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>');
  return `${lines.join('\n')}\n`;
}
