/** The chart specs, one module per page family. */
export { categoryChart, joinZh, leaders, type Cell, type ChartData, type ChartSpec } from './common.ts';
export * from './accountability.ts';
export { allCharts, chartCsv } from './downloads.ts';
export { topicChart, unitChart } from './scopes.ts';
export { sessionCharts } from './session.ts';
export { statsCharts } from './stats.ts';
