/**
 * The home page: the newest session with official figures and its category
 * chart, the latest published replies, and the first key proposals.
 */
import { sessionCharts } from '../charts/index.ts';
import { formatDateZh } from '../lib/dates.ts';
import { replyNounZh } from '../lib/labels.ts';
import { replyUrl } from '../lib/urls.ts';
import { latestPublished, latestSessionWithFigures } from '../lib/views.ts';
import type { Corpus } from './corpus.ts';

export function homePage(data: Corpus) {
  const session = latestSessionWithFigures([...data.sessions.values()]);
  return {
    title: data.site.title,
    session: session && { session, held: data.repliesBySession.get(session.id) ?? [] },
    chart: session && sessionCharts(session, data.chartData).find((c) => c.id.endsWith('-categories')),
    latest: latestPublished(data.replies, 10).map((r) => {
      const row = data.rowsById.get(r.proposal)!;
      const role = row.units.find((u) => u.unit === r.unit)?.role;
      return {
        href: replyUrl(r.session, r.number, r.unit),
        title: `${data.units.get(r.unit)?.name}：${row.title}`,
        co: role === 'co' ? `（${replyNounZh(role)}）` : '',
        category: r.category,
        published: formatDateZh(r.publishedOn),
      };
    }),
    keyRows: data.rows.filter((r) => r.key).slice(0, 8),
  };
}
