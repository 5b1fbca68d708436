/**
 * One reply of the sample: its frontmatter fields drawn in a fixed order (so
 * the same seed gives the same corpus), commitments for B replies, and its body.
 */
import { dateOfDay, dayNumber } from '../../src/lib/dates.ts';
import type { Commitment, ReplyFrontmatter } from '../../src/lib/model/schemas/index.ts';
import { Rng } from './rng.ts';
import { signerFor, type Context } from './people.ts';
import { replyBody, UNIT_BY_ID, type ProposalDraft, type ReplyDraft } from './text.ts';
import { COMMITMENT_TEXT, CORRECTION_NOTES, FEEDBACK, WITHHELD_REASONS } from './vocabulary.ts';

/**
 * A fixed day standing in for "now" when drawing commitments (the generator
 * reads no clock): a commitment due before it has usually been checked — done
 * or dropped — but some are still open, and a site built after their due date
 * shows those as overdue; one due later is mostly still open.
 */
const COMMITMENT_REFERENCE = dayNumber('2025-06-30');

const yearOf = (day: number) => Number(dateOfDay(day).slice(0, 4));

/**
 * What a B reply (正在解决或已列入计划解决) promises: one or two commitments,
 * drawn from their own seeded generator so the rest of the corpus is the same
 * with or without them.
 */
function commitmentsFor(seed: string, title: string, unit: string, number: string, repliedOn: number): Commitment[] {
  const rng = new Rng(`${seed}:commitments:${number}:${unit}`);
  if (!rng.chance(0.85)) return [];
  const core = title.replace(/^关于/, '').replace(/的提案$/, '');
  const out: Commitment[] = [];
  for (let i = 0, n = rng.chance(0.3) ? 2 : 1; i < n; i++) {
    const due = repliedOn + rng.range(120, 900);
    const text = rng
      .pick(COMMITMENT_TEXT)
      .replace('Y', String(yearOf(due)))
      .replace('CORE', core);
    const past = due < COMMITMENT_REFERENCE;
    const status = past
      ? rng.weighted([
          ['done', 62],
          ['dropped', 10],
          ['open', 28],
        ] as const)
      : rng.weighted([
          ['open', 85],
          ['done', 15],
        ] as const);
    const c: Commitment = { text, due: dateOfDay(due), status };
    if (status !== 'open') {
      c.checkedOn = dateOfDay(Math.max(repliedOn + 1, due + rng.range(-90, 60)));
      if (status === 'done' && rng.chance(0.6)) c.evidence = `https://www.example.gov.cn/${unit}/${number}/`;
    }
    out.push(c);
  }
  return out;
}

/** A reply's frontmatter (keys in the order an editor writes them) and body, for unit `r.unit` of proposal `p`. */
export function sampleReply(
  ctx: Context,
  rng: Rng,
  p: ProposalDraft,
  r: ReplyDraft,
  s: { term: number; year: number },
): { frontmatter: ReplyFrontmatter; body: string } {
  const repliedOn = p.filedOn + rng.range(30, 183);
  let docNo: string | undefined;
  if (rng.chance(0.6)) {
    const unit = UNIT_BY_ID.get(r.unit)!;
    const docYear = yearOf(repliedOn);
    const counter = `${r.unit}:${docYear}`;
    const next = (ctx.docCounters.get(counter) ?? rng.range(8, 60)) + rng.range(1, 9);
    ctx.docCounters.set(counter, next);
    docNo = `${unit.doc}〔${docYear}〕${next}号`;
  }
  const signedBy = rng.chance(0.5) ? signerFor(ctx, r.unit, s.term) : undefined;
  const disclosure = r.disclosure === 'embargoed' ? 'public' : r.disclosure;
  const withheldReason = r.disclosure === 'withheld' ? rng.weighted(WITHHELD_REASONS) : undefined;
  let publishOn: number | undefined;
  if (r.disclosure === 'embargoed') {
    publishOn = dayNumber(
      `2099-${String(rng.range(1, 12)).padStart(2, '0')}-${String(rng.range(1, 28)).padStart(2, '0')}`,
    );
  } else if ((r.disclosure === 'public' || r.disclosure === 'summary') && rng.chance(0.4)) {
    publishOn = repliedOn + rng.range(0, 45);
  }
  let corrections: { on: string; note: string }[] | undefined;
  if ((disclosure === 'public' || disclosure === 'summary') && r.disclosure !== 'embargoed' && rng.chance(0.015)) {
    const first = (publishOn ?? repliedOn) + rng.range(5, 90);
    corrections = [{ on: dateOfDay(first), note: rng.pick(CORRECTION_NOTES) }];
    if (rng.chance(0.2))
      corrections.push({ on: dateOfDay(first + rng.range(3, 60)), note: rng.pick(CORRECTION_NOTES) });
  }
  const feedback = r.disclosure !== 'pending' && rng.chance(0.35) ? rng.weighted(FEEDBACK) : undefined;
  const commitments = r.category === 'B' ? commitmentsFor(ctx.seed, p.title, r.unit, p.number, repliedOn) : [];
  const frontmatter: ReplyFrontmatter = {
    ...(docNo && { docNo }),
    category: r.category,
    repliedOn: dateOfDay(repliedOn),
    ...(signedBy && { signedBy }),
    disclosure,
    ...(withheldReason && { withheldReason }),
    ...(publishOn !== undefined && { publishOn: dateOfDay(publishOn) }),
    ...(corrections && { corrections }),
    ...(feedback && { feedback }),
    ...(commitments.length > 0 && { commitments }),
  };
  const body = r.disclosure === 'withheld' ? '' : replyBody(rng, p, r, s.year);
  return { frontmatter, body };
}
