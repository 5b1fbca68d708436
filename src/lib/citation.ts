/**
 * Ready citations of a published reply, in the formats members, journalists
 * and researchers paste into their work: GB/T 7714-2015 (the Chinese national
 * standard for references), biblatex, CSL-JSON and RIS. Pure: every date comes
 * from the reply or the context, so two builds of the same content cite
 * identically; the page's script formats the same facts again with the day the
 * reader copies (`accessed`), using these same functions.
 *
 * Every format carries the same facts: the title (the document's own title
 * when it has one, else `<proposal title>的答复`), the author as an
 * organisation (the unit's full name), the full publication date, the document
 * number (文号) when there is one, the permanent address (with `#pN` for a
 * paragraph) and the access date (引用日期).
 */
import type { PublishedEntryData } from './disclosure.ts';

/** What a citation needs beyond the reply itself. */
export interface CitationContext {
  /** The proposal's title, e.g. 关于…的提案. */
  proposalTitle: string;
  /**
   * The document's own title as printed on it, e.g. 关于市政协七届一次会议第20210001号提案答复的函;
   * when present it is the title in every format.
   */
  documentTitle?: string;
  /** The unit's role on the proposal: a `co` unit's reply is a co-handling opinion (协办意见). */
  role?: 'lead' | 'split' | 'co';
  /** The unit's short name, e.g. 市司法局. */
  unitName: string;
  /** The unit's full official name, e.g. 深圳市司法局; the author when present. */
  unitFullName?: string;
  /** The session's name, e.g. 市政协七届一次会议. */
  sessionName: string;
  /** The site's title: the container the reply is published in. */
  siteTitle: string;
  /** The reply's absolute permanent address, e.g. https://…/proposals/7-1/20210009/sfj/. */
  url: string;
  /** The build date, `YYYY-MM-DD`: the access date (引用日期) of the citations written into the page. */
  buildDate: string;
}

/**
 * The reply's title as cited: the document's own title when given, else
 * `关于…的提案的答复` (`…的协办意见` for a co-handling opinion); marked （摘要）
 * when only a summary is published.
 */
export function replyTitle(
  proposalTitle: string,
  disclosure: PublishedEntryData['disclosure'],
  opts: { documentTitle?: string; role?: CitationContext['role'] } = {},
): string {
  const base = opts.documentTitle?.trim() || `${proposalTitle}的${opts.role === 'co' ? '协办意见' : '答复'}`;
  return `${base}${disclosure === 'summary' ? '（摘要）' : ''}`;
}

/** A stable citation key: `reply-7-1-20210009-sfj`, with `-p3` for a paragraph. */
export function citationKey(
  reply: Pick<PublishedEntryData, 'session' | 'number' | 'unit'>,
  paragraph?: number,
): string {
  const base = `reply-${reply.session}-${reply.number}-${reply.unit}`;
  return paragraph === undefined ? base : `${base}-p${paragraph}`;
}

/** The address cited: the reply's, or its paragraph `#pN`. */
export function citedUrl(url: string, paragraph?: number): string {
  const base = url.replace(/#.*$/, '');
  return paragraph === undefined ? base : `${base}#p${paragraph}`;
}

/**
 * Everything the formats need, as plain JSON: the page writes it into the
 * citation box so its script can format the citations again on the day the
 * reader copies them.
 */
export interface CitationFacts {
  /** Citation key of the whole reply. */
  key: string;
  /** The unit: an organisation, never split into given and family names. */
  author: string;
  title: string;
  /** 文号. */
  docNo?: string;
  /** `YYYY-MM-DD` the reply was published on this site. */
  issued: string;
  /** `YYYY-MM-DD` the unit signed the reply. */
  repliedOn: string;
  /** The document's kind: 提案答复 or 协办意见. */
  genre: string;
  /** `市政协七届一次会议第20210009号提案`. */
  answers: string;
  summary: boolean;
  /** The permanent address of the whole reply. */
  url: string;
  /** The site the reply is published in. */
  container: string;
  /** The access date written into the page: the build date. */
  accessed: string;
}

/** What one citation cites: the whole reply or one paragraph, and on which day it was accessed. */
export interface CiteAt {
  /** The paragraph number: `#pN` on the page, the number shown in its margin. */
  paragraph?: number;
  /** `YYYY-MM-DD`; default the build date. */
  accessed?: string;
}

/** The facts of a published reply; refuses anything else. */
export function citationFacts(reply: PublishedEntryData, ctx: CitationContext): CitationFacts {
  // Defence in depth: the types already say so, but a citation of anything not
  // published would be a leak of its existence and metadata.
  if (reply.state !== 'published') throw new Error(`只能引用已公开的答复：${String(reply.id)}`);
  return {
    key: citationKey(reply),
    author: ctx.unitFullName ?? ctx.unitName,
    title: replyTitle(ctx.proposalTitle, reply.disclosure, ctx),
    ...(reply.docNo && { docNo: reply.docNo }),
    issued: reply.publishedOn,
    repliedOn: reply.repliedOn,
    genre: ctx.role === 'co' ? '协办意见' : '提案答复',
    answers: `${ctx.sessionName}第${reply.number}号提案`,
    summary: reply.disclosure === 'summary',
    url: citedUrl(ctx.url),
    container: ctx.siteTitle,
    accessed: ctx.buildDate,
  };
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The facts of one citation: paragraph checked, address and key anchored, access date chosen. */
export function cited(f: CitationFacts, at: CiteAt) {
  const { paragraph } = at;
  if (paragraph !== undefined && !(Number.isInteger(paragraph) && paragraph >= 1)) {
    throw new RangeError(`段落编号应为正整数，实际为 ${paragraph}`);
  }
  const accessed = at.accessed ?? f.accessed;
  if (!ISO_DAY.test(accessed)) throw new RangeError(`引用日期应为 YYYY-MM-DD，实际为 ${accessed}`);
  const where = paragraph === undefined ? undefined : `第${paragraph}段`;
  return {
    ...f,
    key: paragraph === undefined ? f.key : `${f.key}-p${paragraph}`,
    url: citedUrl(f.url, paragraph),
    accessed,
    where,
    /** Notes shared by the formats that have a note field. */
    notes: [f.answers, `答复日期：${f.repliedOn}`, ...(f.summary ? ['摘要公开'] : []), ...(where ? [where] : [])].join(
      '；',
    ),
  };
}

/**
 * schema.org JSON-LD describing a published reply, for search engines and
 * reference managers: a Report by a government organisation, answering a
 * proposal, part of the site.
 */
export function replyJsonLd(
  reply: PublishedEntryData,
  ctx: CitationContext & { proposalUrl: string; siteUrl: string },
): Record<string, unknown> {
  const f = citationFacts(reply, ctx);
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    '@id': f.url,
    url: f.url,
    name: f.title,
    inLanguage: 'zh-CN',
    genre: f.genre,
    ...(f.docNo && { reportNumber: f.docNo }),
    ...((f.docNo || reply.indexNo) && {
      identifier: [
        ...(f.docNo ? [{ '@type': 'PropertyValue', propertyID: '文号', value: f.docNo }] : []),
        ...(reply.indexNo ? [{ '@type': 'PropertyValue', propertyID: '索引号', value: reply.indexNo }] : []),
      ],
    }),
    dateCreated: reply.repliedOn,
    datePublished: reply.publishedOn,
    ...(reply.corrections.length > 0 && { dateModified: reply.corrections.at(-1)!.on }),
    author: { '@type': 'GovernmentOrganization', name: f.author },
    about: { '@type': 'CreativeWork', name: ctx.proposalTitle, url: ctx.proposalUrl },
    isPartOf: { '@type': 'WebSite', name: ctx.siteTitle, url: ctx.siteUrl },
    ...(reply.disclosure === 'summary' && { abstract: '摘要公开：本页为答复摘要' }),
  };
}
