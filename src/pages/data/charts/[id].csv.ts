/** `/data/charts/<id>.csv`: the numbers of each chart, exactly as its table shows them. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsv, type ChartSpec } from '../../../charts/index.ts';
import { accountability, siteData } from '../../../site/data.ts';
import { everyChart } from '../../../site/stats.ts';

export const getStaticPaths = (async () =>
  everyChart(await siteData(), await accountability()).map((spec) => ({
    params: { id: spec.id },
    props: { spec },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ spec: ChartSpec }> = ({ props }) =>
  new Response(chartCsv(props.spec), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
