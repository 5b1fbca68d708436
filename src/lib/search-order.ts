/**
 * The order in which the search page shows results, a page at a time. Pure:
 * it takes Pagefind's result handles (`data()` loads a result's fragment) and
 * loads only the fragments it needs.
 */

/** A Pagefind result: its fragment, loaded on demand, carries `meta.date`. */
export interface Hit<T extends { meta: Record<string, string | undefined> }> {
  data: () => Promise<T>;
}

/**
 * The next `n` results, each given as soon as it and those before it are loaded, so the page can show the
 * first while the others' fragments are still on their way.
 */
export type Take<T> = (n: number) => AsyncGenerator<T>;

/** The results in Pagefind's order, a page at a time: every fragment of the page asked for at once. */
export function inOrder<T extends { meta: Record<string, string | undefined> }>(results: Hit<T>[]): Take<T> {
  let next = 0;
  return async function* (n) {
    const page = results.slice(next, (next += n)).map((r) => r.data());
    // A fragment that fails is reported when its turn comes, not as an unhandled rejection before.
    for (const d of page) d.catch(() => {});
    for (const d of page) yield await d;
  };
}

/**
 * Results sorted by date across several sessions' bundles. Pagefind 1.6 merges
 * its bundles' results by score, and for a sorted search a result's score is
 * only its rank inside its own bundle, so the merged list interleaves the
 * sessions (a 2024 reply before a 2025 one under 新的在前). Each list here is
 * one session's results in Pagefind's date order; they are merged by the
 * record's date (`meta.date`, the same value as its sort key), loading only
 * the fragments it compares: at most one per session beyond those shown.
 * Equal dates keep the sessions' order.
 */
export function byDate<T extends { meta: Record<string, string | undefined> }>(
  lists: Hit<T>[][],
  order: 'asc' | 'desc',
): Take<T> {
  const next = lists.map(() => 0);
  const loaded = new WeakMap<Hit<T>, Promise<T>>();
  const data = (r: Hit<T>) => {
    if (!loaded.has(r)) loaded.set(r, r.data());
    return loaded.get(r)!;
  };
  return async function* (n) {
    for (let shown = 0; shown < n; shown++) {
      // `undefined` marks a session with nothing left.
      const heads = await Promise.all(
        lists.map((l, i) => (next[i] < l.length ? data(l[next[i]]) : Promise.resolve(undefined))),
      );
      let best = -1;
      heads.forEach((d, i) => {
        const b = heads[best]?.meta.date ?? '';
        if (d && (best < 0 || (order === 'desc' ? (d.meta.date ?? '') > b : (d.meta.date ?? '') < b))) best = i;
      });
      if (best < 0) return;
      next[best]++;
      yield heads[best]!;
    }
  };
}
