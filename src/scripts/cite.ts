/**
 * Progressive enhancement of the citation box. Without it the page shows every
 * citation with the build date as the access date and says so. With it:
 * - the citations are formatted again, by the same functions as the build, with
 *   today's date in Beijing as the access date; each copy formats them once more,
 *   so a page left open overnight still copies the day of the copy;
 * - every format, the address and, when the address names a paragraph (#p3),
 *   that paragraph's address and citations get copy buttons.
 */
import type { CitationFacts } from '../lib/citation.ts';
import { citationFormats, formatCitation, type CitationFormatId } from '../lib/citation-formats.ts';
import { beijingDate } from '../lib/dates.ts';

const box = document.querySelector<HTMLElement>('.cite[data-facts]');
if (box) {
  const facts = JSON.parse(box.dataset.facts!) as CitationFacts;
  const status = box.querySelector<HTMLElement>('#cite-status')!;
  const panel = box.querySelector<HTMLElement>('.cite-paragraph')!;
  const label = (id: string) => citationFormats.find((f) => f.id === id)!.label;
  const today = () => beijingDate(Date.now());

  /** The paragraph named in the address, when the page has it. */
  const paragraph = (): number | undefined => {
    const m = /^#p([1-9]\d*)$/.exec(location.hash);
    return m && document.getElementById(`p${m[1]}`) ? Number(m[1]) : undefined;
  };

  /** Write every citation on the page with `accessed` as the access date. */
  const render = (accessed: string) => {
    for (const pre of box.querySelectorAll<HTMLElement>('pre[data-format]')) {
      pre.textContent = formatCitation(pre.dataset.format as CitationFormatId, facts, { accessed });
    }
    box.querySelector('#cite-date')!.textContent =
      `引用日期已填为今天（北京时间 ${accessed}）；复制时填入复制当天的日期。`;
    const n = paragraph();
    panel.hidden = n === undefined;
    if (n === undefined) return;
    const url = `${facts.url}#p${n}`;
    const link = panel.querySelector<HTMLAnchorElement>('.cite-paragraph-url')!;
    link.href = url;
    link.textContent = url;
    panel.querySelector('.cite-n')!.textContent = String(n);
    panel.querySelector('#cite-paragraph-gbt')!.textContent = formatCitation('gbt', facts, { paragraph: n, accessed });
    for (const button of panel.querySelectorAll<HTMLButtonElement>('button[data-format]')) {
      button.textContent = `复制第 ${n} 段 ${label(button.dataset.format!)}`;
    }
  };

  /** The text a button copies, formatted now, and what the status line then says. */
  const copied = (button: HTMLButtonElement): [string, string] => {
    const accessed = today();
    render(accessed);
    const n = paragraph();
    if (button.dataset.copy === 'url') return [facts.url, '地址'];
    if (button.dataset.copy === 'paragraph-url') return [`${facts.url}#p${n}`, `第 ${n} 段的地址`];
    const id = button.dataset.format as CitationFormatId;
    const at = button.dataset.scope === 'paragraph' ? { paragraph: n, accessed } : { accessed };
    const what = at.paragraph === undefined ? `${label(id)} 引用` : `第 ${n} 段的 ${label(id)} 引用`;
    return [formatCitation(id, facts, at), what];
  };

  box.querySelector<HTMLElement>('.cite-how-js')!.hidden = false;
  const copy = async (button: HTMLButtonElement) => {
    // Emptied first, so copying twice is announced twice.
    status.textContent = '';
    const [text, what] = copied(button);
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `已复制${what}`;
    } catch {
      status.textContent = '无法自动复制，请选中文字后手动复制';
    }
  };
  for (const button of box.querySelectorAll<HTMLButtonElement>('button.copy')) {
    button.hidden = false;
    button.addEventListener('click', () => void copy(button));
  }
  window.addEventListener('hashchange', () => render(today()));
  render(today());
}
