/** The search page's result order across sessions' bundles (src/lib/search-order.ts). */
import { describe, expect, it } from 'vitest';
import { byDate, inOrder } from '../src/lib/search-order.ts';

type Data = { url: string; meta: { date?: string } };

/** A page of results, collected. */
async function all<T>(page: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of page) out.push(x);
  return out;
}

/** One session's results in Pagefind's date order; counts the fragments loaded. */
function session(dates: string[], name: string, loads: string[]) {
  return dates.map((date, i) => ({
    data: () => {
      loads.push(`${name}${i}`);
      return Promise.resolve<Data>({ url: `/${name}/${i}/`, meta: { date } });
    },
  }));
}

describe('results sorted by date across sessions', () => {
  it('merges the sessions by date, newest first, a page at a time, not one session after the other', async () => {
    const loads: string[] = [];
    const a = session(['2024-09-01', '2024-06-01', '2024-03-01'], 'a', loads);
    const b = session(['2025-05-01', '2024-07-01'], 'b', loads);
    const take = byDate([a, b], 'desc');
    expect((await all(take(2))).map((d) => d.meta.date)).toEqual(['2025-05-01', '2024-09-01']);
    expect((await all(take(10))).map((d) => d.meta.date)).toEqual(['2024-07-01', '2024-06-01', '2024-03-01']);
    expect(await all(take(10))).toEqual([]);
    // Every fragment is loaded once, however often it was compared.
    expect(loads.sort()).toEqual(['a0', 'a1', 'a2', 'b0', 'b1']);
  });

  it('oldest first too, and loads at most one fragment per session beyond those shown', async () => {
    const loads: string[] = [];
    const a = session(['2024-03-01', '2024-06-01', '2024-09-01'], 'a', loads);
    const b = session(['2024-01-01', '2025-05-01'], 'b', loads);
    const take = byDate([a, b], 'asc');
    expect((await all(take(1))).map((d) => d.url)).toEqual(['/b/0/']);
    expect(loads.sort()).toEqual(['a0', 'b0']);
  });

  it('keeps the order of the sessions for equal dates', async () => {
    const take = byDate([session(['2024-01-01'], 'a', []), session(['2024-01-01'], 'b', [])], 'desc');
    expect((await all(take(2))).map((d) => d.url)).toEqual(['/a/0/', '/b/0/']);
  });

  it('gives the first result of a page while a later one is still loading', async () => {
    const never = { data: () => new Promise<Data>(() => {}) };
    const take = inOrder([{ data: () => Promise.resolve<Data>({ url: '/a/0/', meta: {} }) }, never]);
    const page = take(2);
    expect((await page.next()).value).toEqual({ url: '/a/0/', meta: {} });
  });

  it("pages through one bundle's results in Pagefind's order", async () => {
    const take = inOrder(session(['3', '1', '2'], 'a', []));
    expect((await all(take(2))).map((d) => d.meta.date)).toEqual(['3', '1']);
    expect((await all(take(2))).map((d) => d.meta.date)).toEqual(['2']);
  });
});
