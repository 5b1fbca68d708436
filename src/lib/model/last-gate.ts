/**
 * The last gate: after every build, every output byte is scanned for what must
 * never be there, whatever went wrong before — the distinctive sentences of
 * every reply that is not published on the build date, and personal data.
 *
 * The sentences come from the checked corpus before the disclosure gate (the
 * loader hands them over in memory; they are never written anywhere). A
 * sentence that also appears in a published text is not distinctive and is
 * left out, so boilerplate shared with a published reply cannot fail a build.
 *
 * Text is compared the same way on both sides: tags removed, split at sentence
 * ends, tag boundaries and white space, then only letters and digits kept, so
 * HTML, Pagefind's fragments (with their zero-width word separators) and
 * CSV/JSON downloads all match. An output text with inline tags (a link,
 * emphasis) is read a second time with them taken out, so they cannot split a
 * sentence or a number into pieces too short to be found.
 */
import type { Corpus } from './corpus/index.ts';
import { replyState } from '../disclosure.ts';
import { findPersonalData, maskPersonal, type PersonalHit } from './privacy.ts';

/** Pieces shorter than this (letters and digits) are too common to be evidence of a leak. */
export const MIN_PIECE = 12;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text as the scan reads it: entities and JSON escapes decoded, zero-width characters removed. */
function plain(text: string): string {
  // Most files have no entity and no escape: the replacements below are skipped for them.
  if (!text.includes('&') && !text.includes('\\') && !/[\u200b-\u200d\u2060\ufeff]/.test(text)) return text;
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\\[nrt]/g, '\n')
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

/** The comparable pieces of a text: split at tags, sentence ends, ASCII commas and quotes (CSV, JSON) and white space; letters and digits only. */
export function pieces(text: string): string[] {
  return piecesOfPlain(plain(text));
}

function piecesOfPlain(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/<[^>]*>|[。！？!?.；;,"'|\s]+/)) {
    // Keeping letters and digits only ever shortens a piece: a short one needs no further look.
    if (raw.length < MIN_PIECE) continue;
    const piece = raw.replace(/[^\p{L}\p{N}]/gu, '');
    if (piece.length >= MIN_PIECE) out.push(piece);
  }
  return out;
}

/** What the last gate looks for, computed from the checked corpus before the disclosure gate. */
export interface Needles {
  /** Distinctive piece → the id of the unpublished reply it comes from. */
  sentences: Map<string, string>;
  /** Strings editors checked and listed as public (`notPersonal`): not personal data. */
  notPersonal: string[];
}

/** The distinctive pieces of every reply not published on `buildDate`, and every `notPersonal` string. */
export function lastGateNeedles(corpus: Corpus, buildDate: string): Needles {
  const textsOf = (r: Corpus['replies'][number]) => [
    r.body,
    r.data.title,
    r.data.docNo,
    r.data.indexNo,
    r.data.signedBy,
    ...(r.data.corrections ?? []).map((c) => c.note),
    ...(r.data.commitments ?? []).map((c) => c.text),
  ];
  const published = new Set<string>();
  const addPublic = (text: string | undefined) => text && pieces(text).forEach((p) => published.add(p));
  for (const p of corpus.proposals) [p.body, p.data.title].forEach(addPublic);
  for (const list of [corpus.units, corpus.topics, corpus.proposers, corpus.sessions] as { name: string }[][]) {
    for (const item of list) addPublic(item.name);
  }
  const hidden: Corpus['replies'] = [];
  for (const r of corpus.replies) {
    if (replyState(r.data, buildDate) === 'published') textsOf(r).forEach(addPublic);
    else hidden.push(r);
  }
  const sentences = new Map<string, string>();
  for (const r of hidden) {
    for (const text of textsOf(r)) {
      if (!text) continue;
      for (const p of pieces(text)) if (!published.has(p) && !sentences.has(p)) sentences.set(p, r.id);
    }
  }
  const notPersonal = [
    ...corpus.proposals.flatMap((p) => p.data.notPersonal ?? []),
    ...corpus.replies.flatMap((r) => r.data.notPersonal ?? []),
  ];
  return { sentences, notPersonal };
}

export interface Leak {
  /** The output file, relative to the output folder. */
  file: string;
  kind: 'unpublished' | PersonalHit['kind'];
  /** The reply the text comes from (unpublished text), or the masked personal data. */
  what: string;
}

/**
 * Code files (scripts and styles) are scanned for unpublished text only: they
 * publish no record's text, and third-party bundles (Pagefind's UI) carry their
 * translators' e-mail addresses in comments.
 */
const CODE = /\.(m?js|css)(\.br|\.gz)?$/;

/** Inline elements (emphasis, a link, a highlight): they sit inside a sentence, not between two. */
const INLINE_TAG =
  /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var)(?:\s[^>]*)?>/gi;

/**
 * The ways a text is read: as it is, where every tag ends a piece, and, when it
 * has inline tags, with them taken out, so a sentence the output breaks with a
 * link or emphasis (`未公开的<strong>答复</strong>文字`, or a number split by a
 * `<span>`) is still found whole.
 */
function readings(text: string): string[] {
  const decoded = plain(text);
  const joined = decoded.replace(INLINE_TAG, '');
  return joined === decoded ? [decoded] : [decoded, joined];
}

/** Every leak in one output file's text. */
export function scanText(file: string, text: string, needles: Needles): Leak[] {
  const leaks: Leak[] = [];
  const views = readings(text);
  if (needles.sentences.size > 0) {
    const seen = new Set<string>();
    for (const p of views.flatMap(piecesOfPlain)) {
      const id = needles.sentences.get(p);
      if (id && !seen.has(id)) {
        seen.add(id);
        leaks.push({ file, kind: 'unpublished', what: id });
      }
    }
  }
  if (CODE.test(file)) return leaks;
  const found = new Set<string>();
  for (const hit of views.flatMap((view) => findPersonalData(view, needles.notPersonal))) {
    const leak: Leak = { file, kind: hit.kind, what: maskPersonal(hit) };
    if (found.has(`${leak.kind}\0${leak.what}`)) continue;
    found.add(`${leak.kind}\0${leak.what}`);
    leaks.push(leak);
  }
  return leaks;
}

const kindZh: Record<Leak['kind'], string> = {
  unpublished: '未公开答复的文字',
  mobile: '手机号码',
  id: '居民身份证号码',
  email: '电子邮箱地址',
  contact: '联系人姓名',
};

/** Pages first, then other files; compressed copies last: the file an editor should open comes first. */
function fileOrder(file: string): number {
  return (/\.(br|gz)$/.test(file) ? 2 : 0) + (file.endsWith('.html') ? 0 : 1);
}

/**
 * The leaks as the failed build prints them: one line per record (or piece of
 * personal data), naming what was found and the output files it is in.
 */
export function formatLeaks(leaks: Leak[], filesShown = 5): string[] {
  const groups = new Map<string, string[]>();
  for (const leak of leaks) {
    const what =
      leak.kind === 'unpublished'
        ? `${kindZh.unpublished}（来自 ${leak.what}）`
        : `${kindZh[leak.kind]}（${leak.what}）`;
    const files = groups.get(what) ?? [];
    if (!files.includes(leak.file)) files.push(leak.file);
    groups.set(what, files);
  }
  return [...groups].map(([what, files]) => {
    const sorted = [...files].sort((a, b) => fileOrder(a) - fileOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
    const more = sorted.length > filesShown ? ` 等 ${sorted.length} 个文件` : '';
    return `${what} — ${sorted.slice(0, filesShown).join('、')}${more}`;
  });
}
