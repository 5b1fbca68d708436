/**
 * The personal-data check: the second fail-closed gate beside disclosure. A
 * published text must not contain a mainland mobile number, a resident ID
 * number, an e-mail address or a 联系人 line naming a person. Office landlines
 * (0755-88123456, 5972877) and service hotlines (12345) are public and pass.
 *
 * Hand-written because no maintained package knows these Chinese shapes (a
 * generic PII scanner flags every landline and misses 联系人：王小明): the
 * patterns are small, and both sides are tested on a corpus of true and false
 * positives (test/privacy.test.ts). Pure: the same function serves
 * `npm run validate`, the build, the importer (which redacts) and the last
 * scan of the output.
 */

import type { Problem } from './problems.ts';

export type PersonalKind = 'mobile' | 'id' | 'email' | 'contact';

export interface PersonalHit {
  kind: PersonalKind;
  /** Offset of the hit in the text (UTF-16 code units). */
  index: number;
  /** The text found, as written. */
  text: string;
}

/** Full-width digits and signs read as ASCII, one character for one, so offsets stay the same. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF20\uFF0D\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A mobile number: 11 digits starting 13–19, optionally +86, with spaces or
 * hyphens between its groups (138 1234 5678), not part of a longer number and
 * not an amount (15000000000元).
 */
const MOBILE =
  /(?<![0-9A-Za-z])(?:(?:\+|00)?86[ \u3000-]?)?1[3-9]\d(?:[ \u3000-]?\d{4}){2}(?![0-9A-Za-z]|\s*[元万亿个人次户米吨%％])/g;

/** A resident ID number: 17 digits and a check character; its check digit, region and birth date are verified. */
const ID_NUMBER = /(?<![0-9A-Za-z])[1-8]\d{16}[\dXx](?![0-9A-Za-z])/g;

/**
 * An e-mail address. It may only start where a run of address characters starts
 * (the look-behind): otherwise every position of a long run of letters or digits
 * would be tried again to its end (20,000 letters took 2.7 s; now milliseconds).
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * `联系人：王小明`, `联系人 李华`, `联系人及电话：张科长 0755…`: the label, then what
 * follows it up to the next separator. A unit or office (办公室, 综合科) passes;
 * anything that reads as a person's name is a hit.
 */
const CONTACT = /(?:联\s*系\s*人|经\s*办\s*人)(?:及(?:联系)?电话|姓名)?\s*(?:[:：]|[ \u3000]+)[ \u3000]*/g;
/** How far after a 联系人 label its value is read. */
const CONTACT_WINDOW = 80;
const NAME_RUN = /^(?:[\u3400-\u9fff·]{2,}|[A-Za-z][A-Za-z .'-]{1,40})/;
/** Words that end a contact's value: what usually follows the name on the same line. */
const AFTER_NAME = /(?:联系)?(?:电话|手机|方式|邮箱|电子邮件|地址|传真|座机)/;
/** A contact that is an office or unit, not a person. */
const OFFICE = /(?:办公室|科|处|室|局|中心|部|组|站|所|委员会|委|办|院|队|股|会|公司|窗口|热线|单位|服务台|部门)$/;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A resident ID number with a valid check digit (GB 11643), a province code and a real birth date. */
export function isResidentId(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return false;
  const province = Number(id.slice(0, 2));
  if (province < 11 || province > 82) return false;
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return false;
  }
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/**
 * Characters no reader sees, which text pasted from Word or a web page often
 * carries: the soft hyphen, zero-width spaces and joiners, direction marks, the
 * word joiner and U+FEFF. A page shows 138\u200b1234\u200b5678 as a mobile
 * number, so the patterns read the text without them.
 */
const INVISIBLE_CHAR = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/;
const INVISIBLE = new RegExp(INVISIBLE_CHAR.source, 'g');

/** What a string is compared as against `notPersonal`: no spaces, hyphens or width differences, lower case. */
function comparable(value: string): string {
  return halfWidth(value)
    .replace(/[\s\u3000-]/g, '')
    .replace(INVISIBLE, '')
    .toLowerCase();
}

/** `text` as the patterns read it (full width as half width, the invisible left out), and each of its offsets in `text`. */
function readable(text: string): { flat: string; at: (i: number) => number } {
  const flat = halfWidth(text);
  if (!INVISIBLE_CHAR.test(flat)) return { flat, at: (i) => i };
  const kept: number[] = [];
  for (let i = 0; i < flat.length; i++) if (!INVISIBLE_CHAR.test(flat[i])) kept.push(i);
  return { flat: flat.replace(INVISIBLE, ''), at: (i) => kept[i] };
}

/**
 * Every piece of personal data in `text`, in order. Strings listed in
 * `notPersonal` (checked by an editor and known to be public) are skipped.
 */
export function findPersonalData(text: string, notPersonal: readonly string[] = []): PersonalHit[] {
  const skip = new Set(notPersonal.map(comparable));
  const { flat, at } = readable(text);
  const hits: PersonalHit[] = [];
  /** A hit at `index` of `flat`, `length` long: kept as written in `text`, invisible characters and all. */
  const add = (kind: PersonalKind, index: number, length: number) => {
    const start = at(index);
    const found = text.slice(start, at(index + length - 1) + 1);
    if (!skip.has(comparable(found))) hits.push({ kind, index: start, text: found });
  };
  // Most texts have no @ at all: the address pattern is not run over them.
  if (flat.includes('@')) for (const m of flat.matchAll(EMAIL)) add('email', m.index, m[0].length);
  const inEmail = (index: number) => {
    const i = at(index);
    return hits.some((h) => h.kind === 'email' && i >= h.index && i < h.index + h.text.length);
  };
  for (const m of flat.matchAll(MOBILE)) if (!inEmail(m.index)) add('mobile', m.index, m[0].length);
  for (const m of flat.matchAll(ID_NUMBER))
    if (isResidentId(m[0]) && !inEmail(m.index)) add('id', m.index, m[0].length);
  for (const m of flat.matchAll(CONTACT)) {
    const start = m.index + m[0].length;
    // A window, not the rest of the text: a name is short, and copying the rest for every label is quadratic.
    const rest = flat.slice(start, start + CONTACT_WINDOW).split(/[\n，,、；;。（(]/)[0];
    const value = rest.split(AFTER_NAME)[0];
    const name = NAME_RUN.exec(value.trim())?.[0].trim();
    if (!name || OFFICE.test(name)) continue;
    add('contact', start + value.indexOf(name), name.length);
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** Whether two hits are the same piece of personal data, however it is spaced or written. */
export function samePersonal(a: PersonalHit, b: PersonalHit): boolean {
  return a.kind === b.kind && comparable(a.text) === comparable(b.text);
}

/** The hit as a message may show it without repeating it: 138****5678, 4403**********123X, w***@qq.com, 王**. */
export function maskPersonal(hit: Pick<PersonalHit, 'kind' | 'text'>): string {
  const t = hit.text;
  switch (hit.kind) {
    case 'mobile': {
      const digits = halfWidth(t).replace(/\D/g, '').slice(-11);
      return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
    }
    case 'id':
      return `${t.slice(0, 4)}**********${t.slice(-4)}`;
    case 'email': {
      const at = halfWidth(t).indexOf('@');
      return `${t[0]}***${t.slice(at)}`;
    }
    case 'contact':
      return `${[...t][0]}${'*'.repeat(Math.max(1, [...t].length - 1))}`;
  }
}

const kindZh: Record<PersonalKind, string> = {
  mobile: '手机号码',
  id: '居民身份证号码',
  email: '电子邮箱地址',
  contact: '联系人姓名',
};

/** The Chinese message for a hit: what was found (masked) and how to fix it. */
export function personalDataMessage(
  hit: Pick<PersonalHit, 'kind' | 'text'>,
  where: 'record' | 'list' = 'record',
): string {
  const found = `发现${kindZh[hit.kind]}（${maskPersonal(hit)}）：公开的文本不能包含个人信息 → `;
  // site.yaml, the lists and the session files have no <Redacted> and no notPersonal: the text goes.
  if (where === 'list') return `${found}请删去；名称、说明和来源会出现在网站各处，单位的公开电话或邮箱请写在答复中`;
  return (
    found +
    `删去，或改写为 <Redacted reason="privacy" />；如果它确实是公开信息（例如单位的公开电话或邮箱），` +
    `把原文加入本记录的 notPersonal 列表`
  );
}

/** The markup that replaces a removed passage. */
export const REDACTED_PRIVACY = '<Redacted reason="privacy" />';

/**
 * `text` with every piece of personal data replaced by
 * `<Redacted reason="privacy" />` (for the importer), and what was replaced.
 */
export function redactPersonalData(
  text: string,
  notPersonal: readonly string[] = [],
): { text: string; hits: PersonalHit[] } {
  const hits = findPersonalData(text, notPersonal);
  let out = '';
  let at = 0;
  for (const h of hits) {
    if (h.index < at) continue;
    out += text.slice(at, h.index) + REDACTED_PRIVACY;
    at = h.index + h.text.length;
  }
  return { text: out + text.slice(at), hits };
}

/**
 * Every hit of `text` as a problem at its own line and column in the file:
 * `firstLine` and `firstColumn` are where `text` starts in the file.
 */
export function personalDataProblems(
  file: string,
  field: string,
  text: string,
  at: { line: number; column: number },
  notPersonal: readonly string[] = [],
  where: 'record' | 'list' = 'record',
): Problem[] {
  return findPersonalData(text, notPersonal).map((hit) => {
    const before = text.slice(0, hit.index).split('\n');
    const line = at.line + before.length - 1;
    const column = (before.length === 1 ? at.column : 1) + before.at(-1)!.length;
    return { file, line, column, field, message: personalDataMessage(hit, where) };
  });
}
