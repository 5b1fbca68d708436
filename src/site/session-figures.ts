/**
 * A session's official figures as published, beside what this site holds for
 * it, so the two can be reconciled (SessionFigures, on the home and session
 * pages): the rows of both tables and the note on any gap between them.
 */
import type { ReplyEntryData } from '../lib/disclosure.ts';
import { categoryLabel, officialStagesZh, withheldReasonZh } from '../lib/labels.ts';
import { categoryCounts, formatPercent, ledgerRow } from '../lib/ledger.ts';
import { categories, withheldReasons } from '../lib/model/schemas/common.ts';
import type { Session } from '../lib/model/schemas/session.ts';

/** A row of a two-column table of figures: a label and a number, `sub` rows indented (其中…). */
export interface FigureRow {
  label: string;
  value: string | number;
  sub?: boolean;
}

export function sessionFigures(session: Session, held: ReplyEntryData[]) {
  const o = session.official;
  const row = ledgerRow(held);
  const shown = categoryCounts(held);
  /** The two tables side by side: what the government published (only the figures it gave), what the site holds. */
  const figures = o
    ? officialStagesZh.map((f) => ({
        label: f.sub ? `其中${f.label}` : f.label,
        value: o[f.key],
        ...(f.sub && { sub: true }),
      }))
    : [];
  const officialCategories = o?.categories;
  const categoryTotal =
    officialCategories && (o?.repliesDue ?? categories.reduce((s, c) => s + officialCategories[c], 0));
  const officialRows: FigureRow[] = [
    ...figures.flatMap(({ value, ...r }) => (value === undefined ? [] : [{ ...r, value }])),
    ...(officialCategories && categoryTotal !== undefined
      ? categories.map((c) => ({
          label: categoryLabel(c),
          // A share of nothing is not 0.00%: the bare figure when the total is 0.
          value:
            categoryTotal > 0
              ? `${officialCategories[c]}（${formatPercent(officialCategories[c], categoryTotal)}）`
              : officialCategories[c],
        }))
      : []),
  ];
  const heldRows: FigureRow[] = [
    { label: '收录答复', value: row.held },
    { label: '全文公开', value: row.public },
    { label: '摘要公开', value: row.summary },
    { label: '不予公开', value: row.withheld },
    ...withheldReasons
      .filter((r) => row.withheldBy[r] > 0)
      .map((r) => ({ label: `其中${withheldReasonZh[r]}`, value: row.withheldBy[r], sub: true })),
    { label: '暂未公开', value: row.unpublished },
    // Category rows only when some reply has a category that may be shown (co-handling opinions may have none).
    ...(categories.some((c) => shown[c] > 0)
      ? categories.map((c) => ({ label: categoryLabel(c), value: shown[c] }))
      : []),
  ];
  const due = o?.repliesDue;
  const gapNote =
    due !== undefined && due > row.held
      ? `政府公布应有答复 ${due} 件，本站收录 ${row.held} 件；差额是尚未录入本站的答复。类别数只计已公开和不予公开的答复，暂未公开的答复不显示类别。`
      : due !== undefined && due < row.held
        ? `本站收录 ${row.held} 件，多于政府公布的应有答复 ${due} 件：收录中包括通报之后的答复或补充答复。`
        : '';
  return { officialRows, heldRows, gapNote };
}
