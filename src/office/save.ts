import type { Done, SavedFile } from '../host/types';

/**
 * Files the pane made (each unit's 反馈意见, a report draft) handed to the clerk from Excel. An add-in cannot write a
 * file itself; the pane's web view downloads one as a browser does. That works in Excel on the web and on Windows
 * (OfficeDev/office-js#2700: "works fine … in any browser or in Office for Windows"; #1793 shows Excel for Windows'
 * download bar in the pane) but not on a Mac or an iPad, whose WKWebView does not download (#2700, closed "by
 * design"; #3385), so there the pane says where to make the files instead of pretending.
 */
export interface SaveEnv {
  /** Office.context.diagnostics.platform: PC, OfficeOnline, Mac, iOS, Android, Universal */
  platform?: string;
  /** the pane's browser download (src/host/download.ts); none where there is no DOM */
  download?: (bytes: Uint8Array, name: string) => void;
}

const NO_DOWNLOAD = new Set(['Mac', 'iOS', 'Android']);

export async function saveFiles(env: SaveEnv, files: SavedFile[]): Promise<Done> {
  if (!env.download || NO_DOWNLOAD.has(env.platform ?? '')) {
    return {
      ok: false,
      message: '此版本的 Excel（Mac、iPad）不允许加载项保存文件。请在本机浏览器中打开离线网页版 cert-sweep.html 合并后下载，或运行命令行 npx cert-sweep merge 收件箱/ --feedback 反馈/ --report。',
      en: 'Excel on this platform (Mac, iPad) does not let add-ins save files. Use the offline page cert-sweep.html in a browser, or npx cert-sweep merge inbox/ --feedback out/ --report.',
    };
  }
  for (const f of files) {
    env.download(f.bytes, f.name);
    // one download at a time: a burst of them is taken by browsers for a page misbehaving
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    ok: true,
    message: `已下载 ${files.length} 个文件：请在 Excel 或浏览器的“下载”提示中确认保存位置。`,
    en: `${files.length} files downloaded: confirm where to keep them in Excel's or the browser's download prompt.`,
  };
}
