import { promises as fs } from 'fs';
import path from 'path';
import { Round } from '../core';
import { roundFromBytes } from './round-bytes';

/** Last round's data from the county workbook --previous names (round-bytes.ts reads only its round sheet). */
export async function readPreviousRound(file: string, salt: string): Promise<Round | { error: string }> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    return { error: `找不到上一轮的县汇总工作簿「${file}」（--previous）。请检查路径；本轮照常汇总，不生成“整改情况”。` };
  }
  return roundFromBytes(data, path.basename(file), salt, '（--previous）');
}
