/** The charts of a unit's and a topic's page. */
import { categoryChart, held, type ChartData, type ChartSpec } from './common.ts';

export function unitChart(id: string, name: string, d: ChartData): ChartSpec {
  return categoryChart(
    `unit-${id}-categories`,
    `${name}答复的办理结果`,
    d.replies.filter((r) => r.unit === id),
    held(d),
  );
}

export function topicChart(id: string, name: string, d: ChartData): ChartSpec {
  const proposals = new Set(d.proposals.filter((p) => p.data.topics.includes(id)).map((p) => p.id));
  return categoryChart(
    `topic-${id}-categories`,
    `“${name}”主题答复的办理结果`,
    d.replies.filter((r) => proposals.has(r.proposal)),
    held(d),
  );
}
