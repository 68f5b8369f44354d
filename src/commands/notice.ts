/**
 * What the pane and the ribbon's page show when office.js did not load: neither Microsoft's CDN nor the
 * same-origin copy (or OFFICE_JS_URL) could be reached, so there is no Office API to call at all.
 */
export const OFFICE_JS_MISSING = {
  title: '无法加载 Office 脚本库 office.js',
  text:
    '微软的网络地址（appsforoffice.microsoft.com）和加载项服务器上的副本都没有加载成功，执法证件清理助手无法运行。' +
    '请联系县里负责电脑和网络的同事，检查这台电脑能否访问加载项服务器（部署说明见 docs/deploy.md）。',
  en: 'office.js could not be loaded from Microsoft\'s CDN nor from the add-in\'s own server. Please ask your IT staff (see docs/deploy.md).',
};

/** Plain DOM, no React: nothing else of the add-in can be trusted to run without Office. */
export function showOfficeJsMissing(where: HTMLElement): void {
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'alert');
  const h = document.createElement('h1');
  h.textContent = OFFICE_JS_MISSING.title;
  const p = document.createElement('p');
  p.textContent = OFFICE_JS_MISSING.text;
  const en = document.createElement('p');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = OFFICE_JS_MISSING.en;
  box.appendChild(h);
  box.appendChild(p);
  box.appendChild(en);
  // not replaceChildren, which Edge Legacy lacks
  where.textContent = '';
  where.appendChild(box);
}
