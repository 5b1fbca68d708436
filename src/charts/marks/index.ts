/** The marks: stateless SVG views, one module per chart kind, on shared primitives. */
export { CHART_WIDTH, NARROW_WIDTH, countLabel, escapeXml, textWidth, type ChartOptions } from './primitives.ts';
export { barChart, type BarDatum } from './bar.ts';
export { columnChart, type ColumnDatum } from './column.ts';
export { funnelChart, type FunnelDatum } from './funnel.ts';
export { groupedBarChart, type GroupedCell, type GroupedDatum, type GroupedSeries } from './grouped.ts';
export { stackedBarChart, type StackDatum } from './stacked.ts';
