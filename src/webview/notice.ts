/**
 * Plain-DOM notices for when the add-in cannot start: no React or Fluent, since nothing else of the add-in
 * can be trusted to run then. Chinese first, one English line.
 */
export interface Notice {
  /** info: nothing is wrong, the page was only opened in the wrong place */
  tone?: 'info';
  title: string;
  text: string;
  en: string;
}

/** office.js did not load: neither Microsoft's CDN nor the same-origin copy (or OFFICE_JS_URL) could be reached. */
export const OFFICE_JS_MISSING: Notice = {
  title: '无法加载 Office 脚本库 office.js',
  text:
    '微软的网络地址（appsforoffice.microsoft.com）和加载项服务器上的副本都没有加载成功，执法证件清理助手无法运行。' +
    '请联系县里负责电脑和网络的同事，检查这台电脑能否访问加载项服务器（部署说明见 docs/deploy.md）。',
  en: 'office.js could not be loaded from Microsoft\'s CDN nor from the add-in\'s own server. Please ask your IT staff (see docs/deploy.md).',
};

/** The page was opened in a browser, not in Excel: office.js loaded, but there is no workbook. */
export const NOT_IN_EXCEL: Notice = {
  tone: 'info',
  title: '请在 Excel 中打开',
  text:
    '这是执法证件清理助手（Excel 加载项）的任务窗格。能看到这段文字，说明加载项的页面和 office.js 都已正常加载；' +
    '请在 Excel 中点“开始 → 证件清理 → 打开面板”使用。',
  en: 'This is the task pane of an Excel add-in: its pages and office.js load fine. Open it in Excel (Home → 证件清理 → 打开面板).',
};

export function showNotice(where: HTMLElement, notice: Notice): void {
  const box = document.createElement('div');
  box.className = notice.tone === 'info' ? 'notice info' : 'notice';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = notice.title;
  const p = document.createElement('p');
  p.textContent = notice.text;
  const en = document.createElement('p');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = notice.en;
  box.appendChild(h);
  box.appendChild(p);
  box.appendChild(en);
  // not replaceChildren, which Edge Legacy lacks
  where.textContent = '';
  where.appendChild(box);
}
