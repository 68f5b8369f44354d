import { promises as fs } from 'fs';
import path from 'path';
import { feedbackFileName, OutSheet, UnitFeedback } from '../core';
import { OutputError, outputFailure, writeAtomic } from './atomic';
import { newBookParts } from './ooxml/new-book';
import { freeName, inputAt, onInput } from './out-path';
import { NEW_BOOK_LEVEL, packPieces } from './pack-stream';

/**
 * The feedback workbooks of a merge (core/feedback.ts), one a unit, into a folder: `单位_反馈意见.xlsx`, under
 * the out-path rules (never an input, never a file we did not write: a numbered free name instead).
 */
export interface Written {
  unit: string;
  out?: string;
  /** a file of that name was left alone */
  note?: string;
  error?: string;
}

/** A unit's feedback workbook, written whole or not at all; its mark says it is feedback, should it come back in an inbox. */
async function writeBook(out: string, sheets: OutSheet[], generatedAt: string): Promise<void> {
  await writeAtomic(out, await packPieces(newBookParts(sheets, generatedAt, { kind: 'feedback' }), NEW_BOOK_LEVEL));
}

export async function writeFeedback(dir: string, units: UnitFeedback[], inputs: string[], generatedAt: string): Promise<Written[]> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    const err = outputFailure(e, dir).message;
    return units.map((u) => ({ unit: u.unit, error: err }));
  }
  const taken = new Set<string>();
  const written: Written[] = [];
  for (const u of units) {
    const planned = path.join(dir, feedbackFileName(u.unit));
    const input = await inputAt(planned, inputs);
    if (input) {
      written.push({ unit: u.unit, error: onInput(planned, input).message });
      continue;
    }
    const { out, kept } = await freeName(planned, taken);
    try {
      await writeBook(out, u.sheets, generatedAt);
      written.push({ unit: u.unit, out, note: kept ? `已有文件「${kept}」不是本工具写出的，未覆盖；反馈意见写为「${out}」。` : undefined });
    } catch (e) {
      written.push({ unit: u.unit, error: e instanceof OutputError ? e.message : outputFailure(e, out).message });
    }
  }
  return written;
}
