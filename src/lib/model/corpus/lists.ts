/** Phase 1: the site file and the three lists (units, topics, proposers), each id once. */
import type { Problem } from '../problems.ts';
import {
  proposersSchema,
  siteSchema,
  topicsSchema,
  unitsSchema,
  type Proposer,
  type Site,
  type Topic,
  type Unit,
} from '../schemas/index.ts';
import { locate } from '../yaml-source.ts';
import { yamlFile, type Files, type YamlFile } from './files.ts';

/** A list as loaded: `list` only when its file is valid; `byId` holds what could be read. */
export interface Registry<T> {
  list?: T[];
  byId: Map<string, T>;
}

export interface Lists {
  site?: Site;
  units: Registry<Unit>;
  topics: Registry<Topic>;
  proposers: Registry<Proposer>;
  problems: Problem[];
}

export function checkLists(files: Files): Lists {
  const problems: Problem[] = [];
  const site = yamlFile<Site>(files, problems, 'site.yaml', siteSchema);
  const units = yamlFile<Unit[]>(files, problems, 'units.yaml', unitsSchema, true);
  const topics = yamlFile<Topic[]>(files, problems, 'topics.yaml', topicsSchema, true);
  const proposers = yamlFile<Proposer[]>(files, problems, 'proposers.yaml', proposersSchema, true);

  // Ids are unique within each list.
  function registry<T extends { id: string }>(file: YamlFile<T[]>, path: string): Registry<T> {
    const byId = new Map<string, T>();
    file.data?.forEach((item, i) => {
      if (byId.has(item.id) && file.src) {
        const at = locate(file.src, [i, 'id']);
        problems.push({ file: path, ...at, field: 'id', message: `id "${item.id}" 重复：每个 id 只能出现一次` });
      }
      byId.set(item.id, item);
    });
    return { list: file.data, byId };
  }
  return {
    site: site.data,
    units: registry(units, 'units.yaml'),
    topics: registry(topics, 'topics.yaml'),
    proposers: registry(proposers, 'proposers.yaml'),
    problems,
  };
}
