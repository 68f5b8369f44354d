import { readRound, Round, ROUND_SHEET } from '../core';
import { InputError } from './input-error';
import { openPackage, Package } from './package';
import { gridFromPackage } from './read-bytes';

/**
 * Last round's data from the bytes of a county workbook (the command line's --previous, the pane's 上一轮县汇总):
 * only the round sheet is read. The county's other sheets (a 明细 of 300,000 people) are neither parsed nor held:
 * the package is read through a view whose workbook lists that one sheet. No Node API: the pane reads it too.
 */
/** Why last round cannot be compared with, and that the merge goes on without it */
export const roundRefused = (why: string, where = '') => ({ error: `${why}${where}本轮照常汇总，不生成“整改情况”。` });

export function roundFromBytes(data: Uint8Array, name: string, salt: string, where = ''): Round | { error: string } {
  try {
    const pkg = openPackage(data, name);
    if (!pkg.has('xl/workbook.xml')) throw new InputError(`「${name}」不是 Excel 工作簿。`);
    const workbook = pkg.text('xl/workbook.xml');
    const only = workbook.replace(/<sheet\b[^>]*\/>/g, (s) => (s.includes(`name="${ROUND_SHEET}"`) ? s : ''));
    const view: Package = { ...pkg, text: (part: string) => (part === 'xl/workbook.xml' ? only : pkg.text(part)) };
    const sheets = only === workbook.replace(/<sheet\b[^>]*\/>/g, '') ? [] : gridFromPackage(view, name, name).sheets;
    return readRound(sheets, name, salt);
  } catch (e) {
    return roundRefused(e instanceof InputError ? e.message : `「${name}」已损坏或不是 Excel 工作簿。`, where);
  }
}
