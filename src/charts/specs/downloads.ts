/** Every chart as a download: `/data/charts/<id>.csv`. */
import { toCsv } from '../../lib/open-data/writers.ts';
import type { ChartData, ChartSpec } from './common.ts';
import { topicChart, unitChart } from './scopes.ts';
import { sessionCharts } from './session.ts';
import { statsCharts } from './stats.ts';

/** Every chart of the site, for the CSV downloads: stats, sessions, units and topics. */
export function allCharts(d: ChartData): ChartSpec[] {
  return [
    ...statsCharts(d),
    ...[...d.sessions.values()].flatMap((s) => sessionCharts(s, d)),
    ...[...d.units.entries()].map(([id, u]) => unitChart(id, u.name, d)),
    ...[...d.topics.entries()].map(([id, t]) => topicChart(id, t.name, d)),
  ];
}

/**
 * A chart's table as CSV, headed by the column labels, through the open-data
 * writer (UTF-8 with its BOM, as the per-unit files: these are for Excel).
 */
export function chartCsv(spec: ChartSpec): string {
  const labels = spec.columns.map((c) => c.label);
  if (new Set(labels).size !== labels.length) throw new Error(`图表 ${spec.id} 的列名重复：${labels.join('，')}`);
  const rows = spec.rows.map((r) => Object.fromEntries(spec.columns.map((c) => [c.label, r[c.key] ?? ''])));
  return toCsv(rows, labels, { bom: true });
}
