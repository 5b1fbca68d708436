/**
 * Ready citations of a published reply, in the formats members, journalists
 * and researchers paste into their work: GB/T 7714-2015 (the Chinese national
 * standard for references), BibTeX, CSL-JSON and RIS. Pure: every date comes
 * from the reply or the context (the access date is the build date), so two
 * builds of the same content cite identically.
 *
 * Every format uses the same facts: author = the unit's full name, title =
 * `<proposal title>的答复`, issued = the day the reply was published
 * (`publishedOn`), document number (文号) when there is one, the reply's
 * permanent address and, for a paragraph citation, `#pN` on that address.
 */
import type { PublishedEntryData } from './disclosure.ts';

/** What a citation needs beyond the reply itself. */
export interface CitationContext {
  /** The proposal's title, e.g. 关于…的提案. */
  proposalTitle: string;
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
  /** The access date (引用日期): the build date, `YYYY-MM-DD`. */
  buildDate: string;
}

/** The reply's title as cited: `关于…的提案的答复`, marked （摘要） when only a summary is published. */
export function replyTitle(proposalTitle: string, disclosure: PublishedEntryData['disclosure']): string {
  return `${proposalTitle}的答复${disclosure === 'summary' ? '（摘要）' : ''}`;
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

interface Facts {
  key: string;
  author: string;
  title: string;
  docNo?: string;
  /** `YYYY-MM-DD` the reply was published. */
  issued: string;
  accessed: string;
  url: string;
  publisher: string;
  container: string;
  paragraph?: number;
  /** Notes shared by the formats that have a note field. */
  notes: string[];
}

function facts(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): Facts {
  // Defence in depth: the types already say so, but a citation of anything not
  // published would be a leak of its existence and metadata.
  if (reply.state !== 'published') throw new Error(`只能引用已公开的答复：${String(reply.id)}`);
  if (paragraph !== undefined && !(Number.isInteger(paragraph) && paragraph >= 1)) {
    throw new RangeError(`段落编号应为正整数，实际为 ${paragraph}`);
  }
  const author = ctx.unitFullName ?? ctx.unitName;
  const notes = [
    ...(reply.docNo ? [`文号：${reply.docNo}`] : []),
    `${ctx.sessionName}第${reply.number}号提案`,
    `答复日期：${reply.repliedOn}`,
    ...(reply.disclosure === 'summary' ? ['摘要公开'] : []),
    ...(paragraph !== undefined ? [`第${paragraph}段`] : []),
  ];
  return {
    key: citationKey(reply, paragraph),
    author,
    title: replyTitle(ctx.proposalTitle, reply.disclosure),
    ...(reply.docNo && { docNo: reply.docNo }),
    issued: reply.publishedOn,
    accessed: ctx.buildDate,
    url: citedUrl(ctx.url, paragraph),
    publisher: author,
    container: ctx.siteTitle,
    ...(paragraph !== undefined && { paragraph }),
    notes,
  };
}

/**
 * GB/T 7714-2015 electronic resource (电子资源):
 * `作者. 题名：文号[EB/OL]. (发布日期)[引用日期]. 地址.`
 * A paragraph citation adds `，第3段` to the title information and `#p3` to the address.
 */
export function gbt7714(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  const f = facts(reply, ctx, paragraph);
  const info = [f.docNo, f.paragraph !== undefined ? `第${f.paragraph}段` : undefined].filter(Boolean).join('，');
  const title = info ? `${f.title}：${info}` : f.title;
  return `${f.author}. ${title}[EB/OL]. (${f.issued})[${f.accessed}]. ${f.url}.`;
}

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Escape text for a BibTeX field: TeX's special characters and braces. */
export function texEscape(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (c) => TEX_SPECIAL[c]).replace(/\s+/g, ' ');
}

/** Inside `\url{…}`: only `%`, `#`, `\`, braces need care; `\#` and `\%` are what hyperref reads. */
function urlEscape(url: string): string {
  return url.replace(/[\\{}%#]/g, (c) => (c === '\\' || c === '{' || c === '}' ? encodeURIComponent(c) : `\\${c}`));
}

/**
 * A BibTeX `@misc` entry. The title and the corporate author are double-braced
 * so no style changes their case or splits the author into given and family names.
 */
export function bibtex(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  const f = facts(reply, ctx, paragraph);
  const fields: [string, string][] = [
    ['title', `{${texEscape(f.title)}}`],
    ['author', `{${texEscape(f.author)}}`],
    ['year', f.issued.slice(0, 4)],
    ['date', f.issued],
    ['howpublished', `\\url{${urlEscape(f.url)}}`],
    ['note', texEscape(f.notes.join('；'))],
    ['organization', texEscape(f.publisher)],
    ['urldate', f.accessed],
    ['language', 'chinese'],
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@misc{${f.key},\n${body}\n}\n`;
}

/** A CSL-JSON date: `{ 'date-parts': [[2021, 9, 27]] }`. */
export interface CslDate {
  'date-parts': [[number, number, number]];
}

/** The CSL-JSON item of a reply (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'report';
  title: string;
  author: { literal: string }[];
  issued: CslDate;
  accessed: CslDate;
  URL: string;
  number?: string;
  publisher: string;
  'container-title': string;
  note: string;
  language: 'zh-CN';
}

function cslDate(date: string): CslDate {
  const [y, m, d] = date.split('-').map(Number);
  return { 'date-parts': [[y, m, d]] };
}

/**
 * A CSL-JSON item. The type is `report`: an official document with a number
 * (文号), which reference managers keep as the report number.
 */
export function cslJson(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): CslItem {
  const f = facts(reply, ctx, paragraph);
  return {
    id: f.key,
    type: 'report',
    title: f.title,
    author: [{ literal: f.author }],
    issued: cslDate(f.issued),
    accessed: cslDate(f.accessed),
    URL: f.url,
    ...(f.docNo && { number: f.docNo }),
    publisher: f.publisher,
    'container-title': f.container,
    note: f.notes.join('；'),
    language: 'zh-CN',
  };
}

/** RIS line ending: CRLF, as the format's specification writes it. */
export const RIS_EOL = '\r\n';

/**
 * An RIS record (`TY  - RPRT` … `ER  - `), lines ending in CRLF. The document
 * number is `SN` (what Zotero and EndNote read as a report's number), the
 * publication date `DA` (`YYYY/MM/DD/`), the access date `Y2`, the site `DP`.
 */
export function ris(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  const f = facts(reply, ctx, paragraph);
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ')}`;
  const lines = [
    line('TY', 'RPRT'),
    line('ID', f.key),
    line('TI', f.title),
    line('AU', f.author),
    line('PY', f.issued.slice(0, 4)),
    line('DA', `${f.issued.replace(/-/g, '/')}/`),
    line('PB', f.publisher),
    ...(f.docNo ? [line('SN', f.docNo)] : []),
    line('DP', f.container),
    line('UR', f.url),
    line('Y2', f.accessed.replace(/-/g, '/')),
    line('LA', 'zh-CN'),
    line('N1', f.notes.join('；')),
    'ER  - ',
  ];
  return lines.join(RIS_EOL) + RIS_EOL;
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
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    '@id': ctx.url,
    url: ctx.url,
    name: replyTitle(ctx.proposalTitle, reply.disclosure),
    inLanguage: 'zh-CN',
    ...(reply.docNo && { identifier: reply.docNo, reportNumber: reply.docNo }),
    dateCreated: reply.repliedOn,
    datePublished: reply.publishedOn,
    ...(reply.corrections.length > 0 && { dateModified: reply.corrections.at(-1)!.on }),
    author: { '@type': 'GovernmentOrganization', name: ctx.unitFullName ?? ctx.unitName },
    about: { '@type': 'CreativeWork', name: ctx.proposalTitle, url: ctx.proposalUrl },
    isPartOf: { '@type': 'WebSite', name: ctx.siteTitle, url: ctx.siteUrl },
    ...(reply.disclosure === 'summary' && { abstract: '摘要公开：本页为答复摘要' }),
  };
}
