/** The site's addresses, in one place: they are cited, so they must not drift. */

export const proposalUrl = (session: string, number: string) => `/proposals/${session}/${number}/`;
export const replyUrl = (session: string, number: string, unit: string) => `/proposals/${session}/${number}/${unit}/`;
export const unitUrl = (unit: string) => `/units/${unit}/`;
export const topicUrl = (topic: string) => `/topics/${topic}/`;
export const sessionUrl = (session: string) => `/sessions/${session}/`;
/** The `n`-th commitment of a reply, on the reply's page (the list's `id="c<n>"`). */
export const commitmentUrl = (c: { session: string; number: string; unit: string; n: number }) =>
  `${replyUrl(c.session, c.number, c.unit)}#c${c.n}`;

/** A page of the proposal list, optionally narrowed to one facet value. */
export function listUrl(filter?: { facet: string; value: string }, page = 1): string {
  const base = filter ? `/proposals/filter/${filter.facet}/${filter.value}/` : '/proposals/';
  return page > 1 ? `${base}${page}/` : base;
}
export const proposerUrl = (proposer: string) => `/proposers/${proposer}/`;
export const proposerFeedUrl = (proposer: string) => `/feeds/proposers/${proposer}.xml`;
export const unitFeedUrl = (unit: string) => `/feeds/units/${unit}.xml`;
/** A pre-rendered order of the proposer listing; `kind` is the listing itself. */
export const proposersUrl = (order?: string) => (order && order !== 'kind' ? `/proposers/by/${order}/` : '/proposers/');

/**
 * The absolute address of a site path, the one way every output makes it
 * (feeds, open data, citations, JSON-LD): `absoluteUrl('https://x.org', '/a/')`
 * → `https://x.org/a/`. `siteUrl` may end in `/` or not.
 */
export function absoluteUrl(siteUrl: string | URL, path: string): string {
  const base = String(siteUrl);
  return new URL(path, base.endsWith('/') ? base : `${base}/`).href;
}
