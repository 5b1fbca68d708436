/** The downloads of /data/: CSV and JSON of the published corpus, the data package and the content schemas. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { openData, type DataFile } from '../../data/open-data.ts';

export const getStaticPaths = (async () => {
  const { files } = await openData();
  return files.map((file) => ({ params: { file: file.path }, props: { file } }));
}) satisfies GetStaticPaths;

const types = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

export const GET: APIRoute<{ file: DataFile }> = ({ props }) =>
  new Response(props.file.content, { headers: { 'content-type': types[props.file.format] } });
