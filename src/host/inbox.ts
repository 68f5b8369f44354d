import { InboxFile, isLockOrHidden, todayLocal } from '../core';
import { docxTitle, TITLE_BYTES } from '../xlsx/docx-title';
import type { PaneFile } from './check-files';

/** A file the clerk picked, with the day the browser says it was last changed (File.lastModified). */
export interface PickedFile extends PaneFile {
  lastModified?: number;
}

/**
 * The picked files as the deliverables tracker sees them (core/deliverables.ts), as the command line's scanInbox
 * sees a folder: the unit folder each sits in (its path within the picked folder), the day it was received (its
 * modification time, local day), and for a .docx its first words (its title). Lock and hidden files left out.
 */
export async function inboxOf(files: PickedFile[]): Promise<InboxFile[]> {
  const out: InboxFile[] = [];
  for (const f of files) {
    if (isLockOrHidden(f.name)) continue;
    const parts = f.name.split(/[\\/]/);
    out.push({
      file: f.name,
      folder: parts.length > 1 ? parts[0] : undefined,
      received: todayLocal(new Date(f.lastModified ?? Date.now())),
      title: /\.docx$/i.test(f.name) && (f.size ?? 0) <= TITLE_BYTES ? docxTitle(new Uint8Array(await f.arrayBuffer()), f.name) : undefined,
    });
  }
  return out;
}
