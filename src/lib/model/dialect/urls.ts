/** The addresses the dialect lets through, as a browser would read them. */
import type { Element } from 'hast';

/**
 * Links may point to the web, to e-mail, or to a relative address; nothing
 * else. The address is read as a browser reads it first — control characters
 * and white space removed, `\` taken as `/` — so `java\tscript:` or
 * `\\evil.example` cannot slip through as "relative".
 */
export function isSafeUrl(url: string): boolean {
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '').replace(/\\/g, '/');
  if (cleaned.startsWith('//')) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return !/^[^/?#]*:/.test(cleaned);
  return ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** Drops every `href` and `src` of `el` whose address is not safe. */
export function dropUnsafeUrls(el: Element): void {
  for (const prop of ['href', 'src']) {
    const value = el.properties[prop];
    if (!(typeof value === 'string' && isSafeUrl(value))) delete el.properties[prop];
  }
}
