/**
 * `/commitments/`: the commitments of published replies, counted by state and
 * session, listed by state, with the chart of overdue commitments.
 */
import { overdueChart } from '../charts/index.ts';
import { commitmentsBy, commitmentStates, countStates } from '../lib/accountability/commitments.ts';
import { formatDateZh } from '../lib/dates.ts';
import { commitmentUrl, sessionUrl, unitUrl } from '../lib/urls.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';

export function commitmentsPage(data: Corpus, a: Accountability) {
  const { commitments } = a;
  const c = countStates(commitments);
  const sessionName = (id: string) => data.sessions.get(id)?.name ?? id;
  return {
    buildDate: formatDateZh(data.site.buildDate),
    totals: `共 ${c.total} 项：已逾期 ${c.overdue}，进行中 ${c.open}，已完成 ${c.done}，已放弃 ${c.dropped}。`,
    chart: overdueChart(commitments, data.chartData),
    bySession: commitmentsBy(commitments, 'session').map((r) => ({
      ...r,
      href: sessionUrl(r.id),
      name: sessionName(r.id),
    })),
    byState: commitmentStates.map((s) => ({
      ...s,
      items: commitments
        .filter((x) => x.state === s.state)
        .map((x) => ({
          href: commitmentUrl(x),
          text: x.text,
          due: x.due,
          dueZh: formatDateZh(x.due),
          unit: { href: unitUrl(x.unit), name: data.units.get(x.unit)?.name ?? x.unit },
          session: sessionName(x.session),
          checked: x.checkedOn ? formatDateZh(x.checkedOn) : '',
          evidence: x.evidence,
        })),
    })),
  };
}
