/**
 * Small readers of what Chinese official documents print: full-width
 * letters and digits, Chinese numerals in dates and session names, and the
 * ASCII brackets the MDX dialect reserves.
 *
 * Hand-written because they are a few lines each and no maintained package
 * reads 二〇二〇年三月二十七日 as a date: numeral converters read 二〇二〇 as a
 * number, not as four year digits.
 */

/** Full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, －) as half-width, one character for one. */
export function halfWidthAscii(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0D]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** All white space, ASCII and ideographic, removed: how names are compared. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, '');
}

/** Leading and trailing white space, the ideographic space (Chinese indentation) included. */
export function trimAll(text: string): string {
  return text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  Ｏ: 0,
  O: 0,
  o: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** A Chinese numeral from 0 to 99 (七, 十三, 二十七, 三十), or digits; NaN otherwise. */
export function chineseNumber(value: string): number {
  const v = halfWidthAscii(value.trim());
  if (/^\d+$/.test(v)) return Number(v);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(v);
  if (!m || v === '') return NaN;
  if (!m[2]) return m[1] && !m[3] ? DIGIT[m[1]] : NaN;
  return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[3] ? DIGIT[m[3]] : 0);
}

/** Year digits written one by one: 二〇二〇 → 2020. */
function chineseYear(value: string): number {
  const v = halfWidthAscii(value);
  if (/^\d{4}$/.test(v)) return Number(v);
  const digits = [...v].map((c) => DIGIT[c]);
  return digits.length === 4 && digits.every((d) => d !== undefined) ? Number(digits.join('')) : NaN;
}

const YEAR = '[0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4}';
const SMALL = '[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}';
/** A date as printed: 2021年6月30日, ２０２１年６月３０日, 二〇二一年六月三十日, with or without spaces. */
export const PRINTED_DATE = new RegExp(`(${YEAR})\\s*年\\s*(${SMALL})\\s*月\\s*(${SMALL})\\s*日`);

/** `2021年6月30日` or `二〇二一年六月三十日` → `2021-06-30`; undefined when it is not a real day. */
export function printedDate(text: string): string | undefined {
  const m = PRINTED_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [chineseYear(m[1]), chineseNumber(m[2]), chineseNumber(m[3])];
  if (![y, mo, d].every(Number.isFinite)) return undefined;
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True when the whole line is a date (the date line of a 落款). */
export function isDateLine(text: string): boolean {
  const t = trimAll(text);
  const m = PRINTED_DATE.exec(t);
  return !!m && m.index === 0 && m[0].length === t.length && printedDate(t) !== undefined;
}

/** `市政协七届一次会议`, `政协第十届委员会第三次会议` → `7-1`, `10-3`. */
export function sessionFromText(text: string): string | undefined {
  const m =
    /([一二三四五六七八九十\d]{1,3})\s*届(?:委员会)?\s*第?\s*([一二三四五六七八九十\d]{1,3})\s*次(?:全体)?会议/.exec(
      halfWidthAscii(text),
    );
  if (!m) return undefined;
  const [term, meeting] = [chineseNumber(m[1].replace(/^第/, '')), chineseNumber(m[2])];
  return Number.isFinite(term) && Number.isFinite(meeting) ? `${term}-${meeting}` : undefined;
}

/**
 * ASCII `<…>` and `{…}` in prose as the dialect wants them: a pair becomes
 * 〈…〉 or ｛…｝, a lone sign its full-width form (PM2.5<35 → PM2.5＜35).
 */
export function dialectText(text: string): string {
  return text
    .replace(/<([^<>\n]*)>/g, '〈$1〉')
    .replace(/\{([^{}\n]*)\}/g, '｛$1｝')
    .replace(/</g, '＜')
    .replace(/>/g, '＞')
    .replace(/\{/g, '｛')
    .replace(/\}/g, '｝');
}
