import type { OutSheet, ReportDoc } from '../core';
import { newBookBytes } from '../host/books';
import type { Done, PaneHost } from '../host/types';

/**
 * What the pane hands the clerk as files, through the host (downloads, WPS's download folder): new workbooks of our
 * sheets, and report drafts. The .docx writer is loaded only when a draft is asked for: the pane opens without it.
 */
export async function saveFeedback(host: PaneHost, books: { name: string; sheets: OutSheet[] }[]): Promise<Done> {
  const files = [];
  for (const b of books) files.push({ name: b.name, bytes: await newBookBytes(b.sheets, [], 'feedback') });
  return host.saveFiles(files);
}

/** What the pane says once the host has the files: ours, then the host's words (where they went); the host's alone when it failed. */
export function saidOf(r: Done, done: string, en: boolean): { intent: 'success' | 'error'; text: string } {
  const host = en ? r.en : r.message;
  return r.ok ? { intent: 'success', text: `${done}${host}` } : { intent: 'error', text: host };
}

export async function saveDraft(host: PaneHost, doc: ReportDoc, name: string): Promise<Done> {
  const { reportDocx } = await import('../report/docx');
  return host.saveFiles([{ name, bytes: await reportDocx(doc) }]);
}
