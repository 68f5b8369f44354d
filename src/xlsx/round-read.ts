import { promises as fs } from 'fs';
import path from 'path';
import { readRound, Round, ROUND_SHEET } from '../core';
import { InputError } from './guard';
import { openPackage, Package } from './package';
import { gridFromPackage } from './read-bytes';

/**
 * Last round's data from the county workbook --previous names: only the round sheet is read. The county's other
 * sheets (a 明细 of 300,000 people) are neither parsed nor held: the package is read through a view whose
 * workbook lists that one sheet.
 */
export async function readPreviousRound(file: string, salt: string): Promise<Round | { error: string }> {
  const name = path.basename(file);
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    return { error: `找不到上一轮的县汇总工作簿「${file}」（--previous）。请检查路径；本轮照常汇总，不生成“整改情况”。` };
  }
  try {
    const pkg = openPackage(data, name);
    if (!pkg.has('xl/workbook.xml')) throw new InputError(`「${name}」不是 Excel 工作簿。`);
    const workbook = pkg.text('xl/workbook.xml');
    const only = workbook.replace(/<sheet\b[^>]*\/>/g, (s) => (s.includes(`name="${ROUND_SHEET}"`) ? s : ''));
    const view: Package = { ...pkg, text: (part: string) => (part === 'xl/workbook.xml' ? only : pkg.text(part)) };
    const sheets = only === workbook.replace(/<sheet\b[^>]*\/>/g, '') ? [] : gridFromPackage(view, file, name).sheets;
    return readRound(sheets, name, salt);
  } catch (e) {
    const why = e instanceof InputError ? e.message : `「${name}」已损坏或不是 Excel 工作簿。`;
    return { error: `${why}（--previous）本轮照常汇总，不生成“整改情况”。` };
  }
}
