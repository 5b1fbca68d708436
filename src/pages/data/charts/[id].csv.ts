/** `/data/charts/<id>.csv`: the numbers of each chart, exactly as its table shows them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts, chartCsv, type ChartSpec, accountabilityCharts } from '../../../charts/index.ts';
import { siteData } from '../../../data/site-data.ts';
import { accountability } from '../../../data/accountability.ts';

export const getStaticPaths = (async () => {
  const { chartData } = await siteData();
  const a = await accountability();
  const specs = [...allCharts(chartData), ...accountabilityCharts({ ...a, similar: a.similar.byUnit }, chartData)];
  return specs.map((spec) => ({ params: { id: spec.id }, props: { spec } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(chartCsv(props.spec), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
