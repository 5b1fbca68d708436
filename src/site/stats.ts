/** `/stats/` and `/data/charts/<id>.csv`: the statistics charts, and every chart of the site with its numbers. */
import { accountabilityCharts, accountabilityStatsCharts, allCharts, statsCharts } from '../charts/index.ts';
import type { Accountability } from './accountability.ts';
import type { Corpus } from './corpus.ts';

const chartInput = (a: Accountability) => ({ ...a, similar: a.similar.byUnit });

/** The charts of `/stats/`, in page order. */
export const statsPage = (data: Corpus, a: Accountability) => [
  ...statsCharts(data.chartData),
  ...accountabilityStatsCharts(chartInput(a), data.chartData),
];

/** Every chart of the site: each has its CSV at `/data/charts/<id>.csv`. */
export const everyChart = (data: Corpus, a: Accountability) => [
  ...allCharts(data.chartData),
  ...accountabilityCharts(chartInput(a), data.chartData),
];
