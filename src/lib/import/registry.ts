/**
 * The content root's lists as the importer needs them, and names matched to
 * them: exactly (white space and width aside), never guessed. An unknown name
 * is reported with the nearest known one, for the editor to decide.
 */
import { closest, distance } from 'fastest-levenshtein';
import type { Proposer, Topic, Unit } from '../model/schemas/index.ts';
import { halfWidthAscii, squeeze } from './text.ts';

export interface Registries {
  units: Unit[];
  proposers: Proposer[];
  topics: Topic[];
  /** Ids of the sessions that have a file in `sessions/`. */
  sessions: string[];
}

export interface Match<T> {
  /** The entry, when the name is known. */
  found?: T;
  /** The name as written. */
  name: string;
  /** The nearest known entry's name and id, when the name is unknown. */
  nearest?: { name: string; id: string };
}

function key(name: string): string {
  return halfWidthAscii(squeeze(name)).replace(/[（(]?(?:印章|盖章|章)[）)]?$/, '');
}

/** Match `name` against entries by every name they are known by. */
function match<T extends { id: string }>(
  entries: T[],
  names: (e: T) => (string | undefined)[],
  name: string,
): Match<T> {
  const k = key(name);
  const pairs: { name: string; entry: T }[] = [];
  for (const e of entries) for (const n of names(e)) if (n) pairs.push({ name: n, entry: e });
  const exact = pairs.find((p) => key(p.name) === k);
  if (exact) return { found: exact.entry, name };
  if (!pairs.length || !k) return { name };
  const best = closest(
    k,
    pairs.map((p) => key(p.name)),
  );
  const pair = pairs.find((p) => key(p.name) === best)!;
  // A nearest name that shares almost nothing with the one written is no help.
  if (distance(k, best) > Math.max(k.length, best.length) * 0.7) return { name };
  return { name, nearest: { name: pair.name, id: pair.entry.id } };
}

export function matchUnit(reg: Registries, name: string): Match<Unit> {
  return match(reg.units, (u) => [u.name, u.fullName, u.id], name);
}

export function matchProposer(reg: Registries, name: string): Match<Proposer> {
  return match(reg.proposers, (p) => [p.name, p.id], name);
}

export function matchTopic(reg: Registries, name: string): Match<Topic> {
  return match(reg.topics, (t) => [t.name, t.id], name);
}

/** `"刘丹凝"（不在 proposers.yaml 中；最接近的是 刘丹宁，id member-liu-danning）` */
export function unknownName(m: Match<unknown>, list: string): string {
  const near = m.nearest ? `；最接近的是“${m.nearest.name}”（id ${m.nearest.id}）` : '';
  return `“${m.name}”不在 ${list} 中${near}`;
}
