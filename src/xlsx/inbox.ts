import { promises as fs } from 'fs';
import path from 'path';
import { FileCheck, InboxFile, inboxWithChecks, isLockOrHidden, todayLocal } from '../core';
import { docxTitle, TITLE_BYTES } from './docx-title';
import { pathKey } from './out-path';

/** The inbox's files with what the merge made of them, matched by real path (core: inboxWithChecks). */
export const withChecks = (inbox: InboxFile[], checks: FileCheck[]): InboxFile[] => inboxWithChecks(inbox, checks, pathKey);

/**
 * The inbox as the deliverables tracker sees it (core/deliverables.ts): every file under the merge's inputs,
 * with the unit folder it sits in, the day it was received (its modification time, local day) and for a .docx
 * the first words of its text (its title). Lock files and hidden files are left out.
 */
export async function scanInbox(inputs: string[]): Promise<InboxFile[]> {
  const out: InboxFile[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (!stat) continue;
    const names = stat.isDirectory() ? ((await fs.readdir(input, { recursive: true })) as string[]) : [path.basename(input)];
    const root = stat.isDirectory() ? input : path.dirname(input);
    for (const name of names.sort((a, b) => a.localeCompare(b, 'zh-CN'))) {
      const file = path.join(root, name);
      if (isLockOrHidden(name)) continue;
      const s = await fs.stat(file).catch(() => null);
      if (!s?.isFile()) continue;
      const ext = path.extname(file).toLowerCase();
      const parts = name.split(/[\\/]/);
      out.push({
        file,
        folder: parts.length > 1 ? parts[0] : undefined,
        received: todayLocal(s.mtime),
        title: ext === '.docx' && s.size <= TITLE_BYTES ? docxTitle(await fs.readFile(file).catch(() => new Uint8Array()), file) : undefined,
      });
    }
  }
  return out;
}
