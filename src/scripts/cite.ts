/**
 * Progressive enhancement of the citation box: copy buttons, and a citation
 * of the paragraph named in the address (#p3). Everything is readable without it.
 */
const box = document.querySelector<HTMLElement>('.cite');
if (box) {
  const status = box.querySelector<HTMLElement>('#cite-status')!;
  for (const button of box.querySelectorAll<HTMLButtonElement>('button.copy')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const text = document.getElementById(button.dataset.copy!)?.textContent ?? '';
      try {
        await navigator.clipboard.writeText(text);
        status.textContent = '已复制到剪贴板';
      } catch {
        status.textContent = '无法自动复制，请选中文字后手动复制';
      }
    });
  }

  const line = box.querySelector<HTMLElement>('.cite-paragraph')!;
  const showParagraph = () => {
    const m = /^#p(\d+)$/.exec(location.hash);
    if (!m || !document.getElementById(`p${m[1]}`)) {
      line.hidden = true;
      return;
    }
    line.querySelector('.cite-n')!.textContent = m[1];
    line.querySelector('.cite-paragraph-text')!.textContent = line.dataset.template!.replaceAll(
      line.dataset.mark!,
      m[1],
    );
    line.hidden = false;
  };
  window.addEventListener('hashchange', showParagraph);
  showParagraph();
}
