/**
 * The sample's people: members (named at random from common surnames), the
 * city's leaders per term, each unit's signer, and who files a proposal.
 */
import { Rng } from './rng.ts';
import {
  COMMITTEES,
  COMPOUND_SURNAMES,
  GIVEN,
  GROUPS,
  PARTIES,
  SECTORS,
  SURNAMES,
  type ProposerDef,
} from './vocabulary.ts';

export type { ProposerDef };

const MEMBER_COUNT = 300;

function personName(rng: Rng): string {
  const surname = rng.chance(0.015)
    ? rng.pick(COMPOUND_SURNAMES)
    : SURNAMES[Math.floor(Math.pow(rng.next(), 1.6) * SURNAMES.length)];
  const given = rng.chance(0.3)
    ? GIVEN[rng.int(GIVEN.length)]
    : GIVEN[rng.int(GIVEN.length)] + GIVEN[rng.int(GIVEN.length)];
  return surname + given;
}

export interface Context {
  seed: string;
  members: ProposerDef[];
  signers: Map<string, string>;
  /** Last letter number used per `unit:year`, so 文号 never repeat. */
  docCounters: Map<string, number>;
  leaders: Map<number, { mayor: string; vice: string[] }>;
}

export function leadersFor(ctx: Context, term: number) {
  let l = ctx.leaders.get(term);
  if (!l) {
    const rng = new Rng(`${ctx.seed}:leaders:${term}`);
    const names = new Set<string>();
    while (names.size < 5) names.add(personName(rng));
    const [mayor, ...vice] = [...names];
    l = { mayor: mayor, vice };
    ctx.leaders.set(term, l);
  }
  return l;
}

export function signerFor(ctx: Context, unit: string, term: number): string {
  const key = `${unit}:${term}`;
  let s = ctx.signers.get(key);
  if (!s) {
    s = personName(new Rng(`${ctx.seed}:signer:${key}`));
    ctx.signers.set(key, s);
  }
  return s;
}

export function buildMembers(seed: string): ProposerDef[] {
  const rng = new Rng(`${seed}:members`);
  const seen = new Set<string>();
  const out: ProposerDef[] = [];
  while (out.length < MEMBER_COUNT) {
    const name = personName(rng);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({
      id: `member-${String(out.length + 1).padStart(4, '0')}`,
      name,
      kind: 'member',
      sector: rng.pick(SECTORS).name,
    });
  }
  return out;
}

export function pickProposers(rng: Rng, ctx: Context): ProposerDef[] {
  const member = () => ctx.members[Math.floor(Math.pow(rng.next(), 1.4) * ctx.members.length)];
  const kind = rng.weighted([
    ['member', 72],
    ['members', 10],
    ['committee', 5],
    ['party', 7],
    ['group', 4],
    ['sector', 2],
  ] as const);
  switch (kind) {
    case 'member':
      return [member()];
    case 'members': {
      const set = new Map<string, ProposerDef>();
      const n = rng.range(2, 4);
      while (set.size < n) {
        const m = member();
        set.set(m.id, m);
      }
      return [...set.values()];
    }
    case 'committee':
      return [rng.pick(COMMITTEES)];
    case 'party':
      return [rng.pick(PARTIES)];
    case 'group':
      return [rng.pick(GROUPS)];
    case 'sector':
      return [rng.pick(SECTORS)];
  }
}

export function salutation(proposers: readonly ProposerDef[]): string {
  const first = proposers[0];
  if (first.kind === 'member') return proposers.length > 1 ? `${first.name}等委员：` : `${first.name}委员：`;
  if (first.kind === 'sector') return `市政协${first.name}委员：`;
  return `${first.name}：`;
}
