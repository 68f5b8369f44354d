import { promises as fs } from 'fs';
import path from 'path';
import { FileCheck, InboxFile, todayLocal } from '../core';
import { openPackage } from './package';
import { pathKey } from './out-path';

/**
 * The inbox's files with what the merge made of them: a workbook read as a roster names its unit; one the merge
 * did not take (our own outputs, skipped) is left out.
 */
export function withChecks(inbox: InboxFile[], checks: FileCheck[]): InboxFile[] {
  const byPath = new Map(checks.map((f) => [pathKey(f.file), f]));
  return inbox.flatMap((f) => {
    const check = byPath.get(pathKey(f.file));
    if (/\.xls[xm]$/i.test(f.file) && !check) return [];
    return [{ ...f, unit: check?.status === 'ok' ? check.result?.unit : undefined, roster: check?.status === 'ok' && !!check.result }];
  });
}

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
      if (/(^|[\\/])(~\$|\.)/.test(name)) continue;
      const s = await fs.stat(file).catch(() => null);
      if (!s?.isFile()) continue;
      const ext = path.extname(file).toLowerCase();
      const parts = name.split(/[\\/]/);
      out.push({
        file,
        folder: parts.length > 1 ? parts[0] : undefined,
        received: todayLocal(s.mtime),
        title: ext === '.docx' ? await docxTitle(file) : undefined,
      });
    }
  }
  return out;
}

/** The first 200 characters of a .docx's text (its title is there), or nothing when it can't be read. */
async function docxTitle(file: string): Promise<string | undefined> {
  try {
    const pkg = openPackage(await fs.readFile(file), file);
    if (!pkg.has('word/document.xml')) return undefined;
    const xml = pkg.text('word/document.xml').slice(0, 200_000);
    return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').slice(0, 200);
  } catch {
    return undefined;
  }
}
