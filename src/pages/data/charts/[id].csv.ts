/** `/data/charts/<id>.csv`: the numbers of each chart, exactly as its table shows them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts, chartCsv, type ChartSpec } from '../../../charts/specs.ts';
import { siteData } from '../../../data/site-data.ts';

export const getStaticPaths = (async () => {
  const { chartData } = await siteData();
  return allCharts(chartData).map((spec) => ({ params: { id: spec.id }, props: { spec } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(chartCsv(props.spec), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
