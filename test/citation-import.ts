/**
 * Reading our citations back the way reference managers do: citation-js parses
 * BibTeX, RIS and CSL-JSON into CSL items, and `imported` reduces one to the
 * facts every format must carry, so a test can compare them across formats.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

/** The facts a reference manager finds in an imported citation. */
/** The fields of a CSL item this module reads. */
interface CslItem {
  title?: unknown;
  author?: { literal?: unknown; family?: unknown; given?: unknown }[];
  issued?: { 'date-parts'?: unknown };
  accessed?: { 'date-parts'?: unknown };
  number?: unknown;
  URL?: unknown;
  type?: unknown;
}

export interface Imported {
  title: unknown;
  /** Each author as one string, and whether it was split into given and family names. */
  authors: { name: unknown; split: boolean }[];
  issued: unknown;
  accessed: unknown;
  number: unknown;
  URL: unknown;
  type: unknown;
}

/** Parse one citation text (any of the three formats) with citation-js; exactly one item expected. */
export function importCitation(text: string): Imported {
  const items = new Cite(text).data;
  if (items.length !== 1) throw new Error(`citation-js 读出 ${items.length} 条记录，应为 1 条：\n${text}`);
  const item = items[0] as CslItem;
  return {
    title: item.title,
    // BibTeX's brace-protected name and RIS's comma-less name come back as a
    // lone `family`; CSL-JSON keeps `literal`. Either is one organisation as long as no
    // given name was split off.
    authors: (item.author ?? []).map((a) => ({
      name: a.literal ?? a.family,
      split: a.given !== undefined,
    })),
    issued: item.issued?.['date-parts'],
    accessed: item.accessed?.['date-parts'],
    number: item.number,
    URL: item.URL,
    type: item.type,
  };
}

/** `2021-09-27` → `[[2021, 9, 27]]`, as CSL writes a full date. */
export function dateParts(day: string): number[][] {
  return [day.split('-').map(Number)];
}
