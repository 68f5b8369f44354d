import path from 'path';
import { ReportDoc } from '../core';
import { reportDocx } from '../report/docx';
import { OutputError, outputFailure, writeAtomic } from '../xlsx/atomic';
import { freeName, inputAt, onInput } from '../xlsx/out-path';

/**
 * A report draft written beside its workbook: 名称_自查自纠工作报告（草稿）.docx. An existing file of that name is never
 * replaced (the clerk may have edited the last draft): the draft takes the next free numbered name.
 */
export function draftPath(beside: string, what: string): string {
  const stem = path.basename(beside).replace(/(\.checked)?(\s\(\d+\))?\.xls[xm]$/i, '');
  return path.join(path.dirname(beside), `${stem}_${what}（草稿）.docx`);
}

export async function writeDraft(planned: string, doc: ReportDoc, inputs: string[], taken = new Set<string>()): Promise<{ out?: string; note?: string; error?: string }> {
  const input = await inputAt(planned, inputs);
  if (input) return { error: onInput(planned, input).message };
  const { out, kept } = await freeName(planned, taken);
  try {
    await writeAtomic(out, await reportDocx(doc));
  } catch (e) {
    return { error: e instanceof OutputError ? e.message : outputFailure(e, out).message };
  }
  return { out, note: kept ? `已有文件「${kept}」，未覆盖；草稿写为「${out}」。` : undefined };
}
