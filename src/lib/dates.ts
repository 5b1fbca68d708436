/**
 * Calendar dates as the content model uses them: `YYYY-MM-DD` strings, never
 * Date objects, so no time zone can ever shift them. Strings of this shape
 * compare correctly with `<` and `>`.
 */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` and names a day that exists (no 2021-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A date as printed in Chinese documents: `2021年6月30日` (digits, no padding needed). */
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/**
 * A date as the content model stores it: `2021年6月30日` becomes `2021-06-30`;
 * anything else is returned as written (and then checked by `isCalendarDate`).
 */
export function normalizeDate(value: string): string {
  const m = CHINESE_DATE.exec(value.trim());
  if (!m) return value;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** A date written another way (2021/7/5, 2021.7.5, 2021-7-5, 2021年7月5日), as YYYY-MM-DD; undefined if it is not one. */
export function isoFromLoose(input: string): string | undefined {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(input.normalize('NFKC'));
  if (!m) return undefined;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/** China Standard Time is UTC+8 all year (no daylight saving). */
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in Beijing at the instant `ms` (milliseconds since the epoch). */
export function beijingDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The build date: the day every embargo is compared with and every generated
 * date is stamped with. `SOURCE_DATE_EPOCH` (seconds) when set, else now; read
 * as a Beijing calendar date because `publishOn` is a Beijing date.
 */
export function buildDate(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw.trim())) {
      throw new Error(`SOURCE_DATE_EPOCH 应为整数秒，实际为 "${raw}"`);
    }
    return beijingDate(Number(raw.trim()) * 1000);
  }
  return beijingDate(Date.now());
}

/** `2021-07-15` → `2021年7月15日`. */
export function formatDateZh(date: string): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** A calendar date as an RFC 3339 instant: midnight in Beijing, `2021-09-27T00:00:00+08:00`. */
export function rfc3339(date: string): string {
  if (!ISO_DATE.test(date)) throw new Error(`日期应为 YYYY-MM-DD，实际为 "${date}"`);
  return `${date}T00:00:00+08:00`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` as days since 1970-01-01, counted on the calendar. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Days since 1970-01-01 back to `YYYY-MM-DD` (years 0–9999). */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`YYYY-MM-DD`), counted on the calendar: no time zone can shift it. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}
