/** The downloads of /data/: CSV, JSON and XLSX of the published corpus, the data package, the content schemas, and each unit's and session's replies as CSV. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { openData } from '../../site/data.ts';
import type { DataFile } from '../../site/open-data.ts';

export const getStaticPaths = (async () => {
  const { files } = await openData();
  return files.map((file) => ({ params: { file: file.path }, props: { file } }));
}) satisfies GetStaticPaths;

const types = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const GET: APIRoute<{ file: DataFile }> = ({ props }) =>
  new Response(props.file.content as BodyInit, { headers: { 'content-type': types[props.file.format] } });
