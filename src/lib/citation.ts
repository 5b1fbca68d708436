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
function cited(f: CitationFacts, at: CiteAt) {
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
 * GB/T 7714-2015 electronic resource (电子资源, §4.8 and §8), in the standard's
 * punctuation (half-width `. `, `: `, `[`, `(`, as in its own examples):
 * `主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. 引文页码(更新或修改日期)[引用日期]. 获取和访问路径.`
 * Here: `单位. 题名: 文号[EB/OL]. (发布日期)[引用日期]. 地址.` The document number is
 * the other title information; a paragraph is the locator in the place of 引文页码,
 * after the title block: `…[EB/OL]. 第3段(2021-09-27)[2030-01-01]. …/#p3.`
 */
export function formatGbt7714(facts: CitationFacts, at: CiteAt = {}): string {
  const f = cited(facts, at);
  const title = f.docNo ? `${f.title}: ${f.docNo}` : f.title;
  return `${f.author}. ${title}[EB/OL]. ${f.where ?? ''}(${f.issued})[${f.accessed}]. ${f.url}.`;
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

/**
 * A biblatex `url` field is read verbatim by Biber: `#` and `%` stay as they
 * are (escaping them would put a backslash into the address). Only braces,
 * backslashes and spaces could break the entry; they are percent-encoded.
 */
function verbatimUrl(url: string): string {
  return url.replace(/[\\{}\s]/g, (c) => encodeURIComponent(c));
}

/**
 * A biblatex `@report` entry (Biber; classic BibTeX has no `date`, `urldate`
 * or `url`): `type` = 提案答复, `number` = 文号, `institution` = the unit,
 * full `date` and `urldate`. The title and the corporate author are
 * double-braced so no style changes their case or splits the author into given
 * and family names.
 */
export function formatBibtex(facts: CitationFacts, at: CiteAt = {}): string {
  const f = cited(facts, at);
  const fields: [string, string][] = [
    ['title', `{${texEscape(f.title)}}`],
    ['author', `{${texEscape(f.author)}}`],
    ['institution', `{${texEscape(f.author)}}`],
    ['type', texEscape(f.genre)],
    ...(f.docNo ? [['number', texEscape(f.docNo)] as [string, string]] : []),
    ['date', f.issued],
    ['url', verbatimUrl(f.url)],
    ['urldate', f.accessed],
    ['note', texEscape(f.notes)],
    ['langid', 'chinese'],
  ];
  const body = fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n');
  return `@report{${f.key},\n${body}\n}\n`;
}

/** A CSL-JSON date: `{ 'date-parts': [[2021, 9, 27]] }`. */
export interface CslDate {
  'date-parts': [[number, number, number]];
}

/** The CSL-JSON item of a reply (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
export interface CslItem {
  id: string;
  type: 'report';
  genre: string;
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
export function formatCslJson(facts: CitationFacts, at: CiteAt = {}): CslItem {
  const f = cited(facts, at);
  return {
    id: f.key,
    type: 'report',
    genre: f.genre,
    title: f.title,
    author: [{ literal: f.author }],
    issued: cslDate(f.issued),
    accessed: cslDate(f.accessed),
    URL: f.url,
    ...(f.docNo && { number: f.docNo }),
    publisher: f.author,
    'container-title': f.container,
    note: f.notes,
    language: 'zh-CN',
  };
}

/** RIS line ending: CRLF, as the format's specification writes it. */
export const RIS_EOL = '\r\n';

/**
 * An RIS record (`TY  - RPRT` … `ER  - `), lines ending in CRLF. The document
 * number is `SN` (what Zotero and EndNote read as a report's number), the
 * publication date `DA` (`YYYY/MM/DD/`), the access date `Y2`, the site `DP`.
 * The author has no comma: RIS readers take it as one corporate name.
 */
export function formatRis(facts: CitationFacts, at: CiteAt = {}): string {
  const f = cited(facts, at);
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ')}`;
  const lines = [
    line('TY', 'RPRT'),
    line('ID', f.key),
    line('TI', f.title),
    line('AU', f.author),
    line('PY', f.issued.slice(0, 4)),
    line('DA', `${f.issued.replace(/-/g, '/')}/`),
    line('PB', f.author),
    line('M3', f.genre),
    ...(f.docNo ? [line('SN', f.docNo)] : []),
    line('DP', f.container),
    line('UR', f.url),
    line('Y2', f.accessed.replace(/-/g, '/')),
    line('LA', 'zh-CN'),
    line('N1', f.notes),
    'ER  - ',
  ];
  return lines.join(RIS_EOL) + RIS_EOL;
}

/** The formats the citation box offers, in its order; `id` names the format in the page. */
export const citationFormats = [
  { id: 'gbt', label: 'GB/T 7714-2015', format: formatGbt7714 },
  { id: 'bibtex', label: 'BibTeX', format: formatBibtex },
  {
    id: 'csl',
    label: 'CSL-JSON',
    format: (f: CitationFacts, at?: CiteAt) => JSON.stringify(formatCslJson(f, at), null, 2),
  },
  { id: 'ris', label: 'RIS', format: formatRis },
] as const;

export type CitationFormatId = (typeof citationFormats)[number]['id'];

/** The text of one format. */
export function formatCitation(id: CitationFormatId, facts: CitationFacts, at: CiteAt = {}): string {
  return citationFormats.find((c) => c.id === id)!.format(facts, at);
}

/** GB/T 7714-2015 citation of a reply, or of its paragraph `paragraph`. */
export function gbt7714(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  return formatGbt7714(citationFacts(reply, ctx), { paragraph });
}

/** biblatex `@report` entry of a reply, or of its paragraph. */
export function bibtex(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  return formatBibtex(citationFacts(reply, ctx), { paragraph });
}

/** CSL-JSON item of a reply, or of its paragraph. */
export function cslJson(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): CslItem {
  return formatCslJson(citationFacts(reply, ctx), { paragraph });
}

/** RIS record of a reply, or of its paragraph. */
export function ris(reply: PublishedEntryData, ctx: CitationContext, paragraph?: number): string {
  return formatRis(citationFacts(reply, ctx), { paragraph });
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
