/**
 * A published reply's page, `/proposals/<session>/<number>/<unit>/`: its
 * title and description, where it sits, the citation context and JSON-LD,
 * its commitments and the proposal's other replies.
 */
import { replyJsonLd, type CitationContext } from '../lib/citation.ts';
import type { PublishedEntryData } from '../lib/disclosure.ts';
import { categoryZh, replyNounZh, roleZh } from '../lib/labels.ts';
import { replyRecord } from '../lib/search.ts';
import { proposalUrl, replyUrl, sessionUrl, unitUrl } from '../lib/urls.ts';
import { slotStatus, slotStatusZh, unitSlots } from '../lib/views.ts';
import { scriptJson } from '../lib/xml.ts';
import type { Accountability } from './accountability.ts';
import { absolute, type Corpus } from './corpus.ts';

export function replyPage(data: Corpus, a: Accountability, r: PublishedEntryData) {
  // The route lists published replies only; this guards the page itself as well.
  if (r.state !== 'published') throw new Error(`${String(r.id)} is not published and must have no page`);
  const proposal = data.rowsById.get(r.proposal)!;
  const unit = data.units.get(r.unit)!;
  const session = data.sessions.get(r.session)!;
  const role = proposal.units.find((u) => u.unit === r.unit)!.role;
  // A co unit's reply is a co-handling opinion (协办意见), addressed to the lead unit.
  const noun = replyNounZh(role);
  const citation: CitationContext = {
    proposalTitle: proposal.title,
    ...(r.title && { documentTitle: r.title }),
    role,
    unitName: unit.name,
    ...(unit.fullName && { unitFullName: unit.fullName }),
    sessionName: session.name,
    siteTitle: data.site.title,
    url: absolute(data, replyUrl(r.session, r.number, r.unit)),
    buildDate: data.site.buildDate,
  };
  const jsonLd = replyJsonLd(r, {
    ...citation,
    proposalUrl: absolute(data, proposalUrl(r.session, r.number)),
    siteUrl: absolute(data, '/'),
  });
  const unitName = (id: string) => data.units.get(id)?.name;
  return {
    reply: r,
    proposal: { title: proposal.title, href: proposalUrl(r.session, r.number) },
    unit: { href: unitUrl(r.unit), name: unit.fullName ?? unit.name },
    noun,
    // The document's own title when the record gives it, else composed.
    title: r.title ?? `${unit.name}关于${proposal.title.replace(/^关于/, '')}的${noun}`,
    description: `${unit.name}对${session.name}第 ${r.number} 号提案的${noun}${r.category ? `，办理结果 ${r.category} 类（${categoryZh[r.category]}）` : ''}。`,
    trail: [
      { href: '/proposals/', label: '提案' },
      { href: sessionUrl(r.session), label: session.name },
      { href: proposalUrl(r.session, r.number), label: `第 ${r.number} 号` },
      { label: role === 'co' ? `${unit.name}（${noun}）` : unit.name },
    ],
    role: roleZh[role],
    answers: role === 'co' ? `第 ${r.number} 号提案的协办意见` : `答复第 ${r.number} 号提案`,
    record: replyRecord(r, proposal, data),
    corrections: [...r.corrections].reverse(),
    // Commitments only of this published reply (the gate gives no other reply any).
    commitments: a.commitmentsByReply.get(r.id) ?? [],
    citation,
    jsonLd: scriptJson(jsonLd),
    /** The proposal's other units, each with its reply's link when published and its status otherwise. */
    others: unitSlots(proposal, data.repliesByProposal.get(proposal.id) ?? [])
      .filter((s) => s.unit !== r.unit)
      .map((s) => ({
        name: unitName(s.unit),
        href: s.reply?.state === 'published' ? replyUrl(r.session, r.number, s.unit) : undefined,
        role: roleZh[s.role],
        co: s.role === 'co' ? ' · 协办意见' : '',
        status: slotStatus(s) === 'published' ? '' : `· ${slotStatusZh[slotStatus(s)]}`,
      })),
    onlyUnit: `这件提案只由${unit.name}答复。`,
  };
}
