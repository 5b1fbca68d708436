/**
 * The citation formats of a published reply: GB/T 7714-2015, biblatex,
 * CSL-JSON and RIS, each from the same facts (src/lib/citation.ts). The
 * page's script formats them again with the day the reader copies.
 */
import { cited, citationFacts, type CitationContext, type CitationFacts, type CiteAt } from './citation.ts';
import type { PublishedEntryData } from './disclosure.ts';

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
