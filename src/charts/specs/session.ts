/** The charts of a session's page (and of the home page, for the latest session). */
import { formatDateZh } from '../../lib/dates.ts';
import { categoryCounts } from '../../lib/ledger.ts';
import type { Session } from '../../lib/model/schemas/session.ts';
import { funnelChart } from '../marks/index.ts';
import { officialVsDisclosed, sessionFunnel } from '../transforms/index.ts';
import * as spec from './common.ts';

/** A session's official figures as a funnel, and its categories beside what the site holds. */
export function sessionCharts(session: Session, d: spec.ChartData): spec.ChartSpec[] {
  const replies = d.replies.filter((r) => r.session === session.id);
  const specs: spec.ChartSpec[] = [];
  const o = session.official;
  if (o && sessionFunnel(o).length > 0) {
    const source = `来源：${o.source.title}（${formatDateZh(o.source.publishedOn)}）`;
    const funnel = sessionFunnel(o);
    // Only what was published: a government that gave two figures gets a sentence of two.
    const said = funnel.filter((r) => !r.sub).map((r) => `${r.label} ${r.count} 件`);
    specs.push({
      id: `session-${session.id}-funnel`,
      title: `${session.name}：从收到提案到应有答复`,
      reading:
        `${said.join('，')}。` +
        (o.repliesDue !== undefined ? '有的提案由几个单位分别答复，所以答复件数可以多于提案件数。' : ''),
      source,
      ...spec.drawn({ id: `session-${session.id}-funnel`, title: `${session.name}提案办理数字` }, (o) =>
        funnelChart(funnel, o),
      ),
      columns: [
        { key: 'label', label: '环节' },
        { key: 'count', label: '件数', numeric: true },
        { key: 'share', label: '占收到提案', numeric: true },
      ],
      rows: funnel.map((r) => ({ label: r.label, count: r.count, share: spec.pct(r.share) })),
    });
  }
  if (o?.categories) {
    const source = `来源：${o.source.title}（${formatDateZh(o.source.publishedOn)}）`;
    const disclosed = categoryCounts(replies);
    const compared = officialVsDisclosed(o.categories, disclosed);
    specs.push(
      spec.comparisonChart(
        `session-${session.id}-categories`,
        `${session.name}：办理结果，政府公布与本站收录`,
        `政府公布的答复中，A 类占 ${spec.pct(compared[0].official.share)}；` +
          (compared[0].disclosed.share !== null
            ? `本站收录并可显示类别的答复中，A 类占 ${spec.pct(compared[0].disclosed.share)}。`
            : '本站尚未收录可以显示类别的答复。'),
        `${source}；${spec.heldText(d)}`,
        compared,
      ),
    );
  } else {
    specs.push(
      spec.categoryChart(`session-${session.id}-categories`, `${session.name}：办理结果`, replies, spec.held(d)),
    );
  }
  specs.push(spec.disclosureChart(`session-${session.id}-disclosure`, `${session.name}：公开情况`, replies, d));
  return specs;
}
