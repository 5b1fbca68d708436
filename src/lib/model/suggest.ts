/**
 * "Did you mean …?" for editors: the nearest allowed value to what was
 * written. Written by hand because the rule is ours, not a generic fuzzy
 * search: full-width letters and 类/级 suffixes are folded first (`Ａ类` → `A`),
 * a Chinese label names its value (`公开` → `public`), and only a close
 * spelling (one edit for short words, two for longer) is offered.
 */

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Full-width letters and digits to ASCII, lower case, spaces and a trailing 类/级/类别 dropped. */
export function fold(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(类别|类|级)$/, '');
}

/**
 * The allowed value `input` most likely means, or undefined.
 * `labels` gives each value's Chinese words (a label or a name), matched whole first, then as a part.
 */
export function nearest(
  input: string,
  allowed: readonly string[],
  labels: Readonly<Record<string, string | undefined>> = {},
): string | undefined {
  if (input === '') return undefined;
  const f = fold(input);
  const exact = allowed.find((v) => fold(v) === f);
  if (exact !== undefined) return exact;
  const byLabel = allowed.find((v) => labels[v] !== undefined && fold(labels[v]) === f);
  if (byLabel !== undefined) return byLabel;
  if (/[^\x00-\x7f]/.test(input) && f.length >= 2) {
    const partial = allowed.find((v) => labels[v] !== undefined && fold(labels[v]).includes(f));
    if (partial !== undefined) return partial;
  }
  // One or two letters are too short to guess from (E is not A).
  if (f.length < 3) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const v of allowed) {
    const distance = editDistance(f, fold(v));
    if (distance < bestDistance) [best, bestDistance] = [v, distance];
  }
  const limit = f.length <= 4 ? 1 : f.length <= 8 ? 2 : 3;
  return bestDistance <= limit ? best : undefined;
}
