import type { Done, SavedFile } from '../host/types';
import { EtApp } from './et';

/**
 * Files the pane made (each unit's 反馈意见, a report draft) saved from WPS: a WPS 加载项 may write files itself
 * (index.d.ts: FileSystem, Env.GetDownloadPath), so they go into a folder 执法证件清理 in the clerk's download
 * folder. A file already there is never replaced: the new one takes a numbered name. A write that fails is
 * removed, so no half-written file is left. (Not run in real WPS: the simulation follows the typings.)
 */
export const SAVE_FOLDER = '执法证件清理';

/** Bytes as the "binary string" writeAsBinaryString takes: one character a byte. */
function binary(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

export function saveFilesEt(app: EtApp, files: SavedFile[]): Done {
  const fs = app.FileSystem;
  const base = app.Env?.GetDownloadPath?.();
  if (!fs || !base) {
    return {
      ok: false,
      message: '此版本的 WPS 不允许加载项保存文件。请在本机浏览器中打开离线网页版 cert-sweep.html 生成后下载，或运行命令行 npx cert-sweep。',
      en: 'This WPS does not let add-ins save files. Use the offline page cert-sweep.html, or npx cert-sweep.',
    };
  }
  const sep = base.includes('\\') ? '\\' : '/';
  const dir = `${base.replace(/[\\/]+$/, '')}${sep}${SAVE_FOLDER}`;
  if (!fs.existsSync(dir) && !fs.mkdirSync(dir)) {
    return { ok: false, message: `无法在下载文件夹中建立「${SAVE_FOLDER}」文件夹（${dir}），文件未保存。请检查该文件夹的写入权限。`, en: `Could not make the folder ${dir}; nothing was saved.` };
  }
  const saved: string[] = [];
  const renamed: string[] = [];
  const failed: string[] = [];
  for (const f of files) {
    const dot = f.name.lastIndexOf('.');
    let name = f.name;
    for (let n = 2; fs.existsSync(`${dir}${sep}${name}`); n++) name = `${f.name.slice(0, dot)} (${n})${f.name.slice(dot)}`;
    const path = `${dir}${sep}${name}`;
    let ok = false;
    try {
      ok = fs.writeAsBinaryString(path, binary(f.bytes));
    } catch {
      ok = false;
    }
    if (!ok) {
      if (fs.existsSync(path)) fs.unlinkSync(path);
      failed.push(f.name);
      continue;
    }
    saved.push(name);
    if (name !== f.name) renamed.push(`「${f.name}」已存在，未覆盖，新文件为「${name}」`);
  }
  const said = [
    saved.length ? `已保存 ${saved.length} 个文件到「${dir}」。` : '',
    renamed.length ? `${renamed.join('；')}。` : '',
    failed.length ? `${failed.length} 个文件未能写入（${failed.slice(0, 3).join('、')}${failed.length > 3 ? '等' : ''}）：磁盘可能已满或没有写入权限，请处理后重试。` : '',
  ].join('');
  return { ok: failed.length === 0, message: said, en: `${saved.length} files saved in ${dir}${failed.length ? `; ${failed.length} could not be written` : ''}.` };
}
