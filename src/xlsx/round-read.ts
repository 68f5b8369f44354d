import path from 'path';
import { Round } from '../core';
import { fileBytes, InputError } from './guard';
import { roundFromBytes, roundRefused } from './round-bytes';

/** Last round's data from the county workbook --previous names (round-bytes.ts reads only its round sheet). */
export async function readPreviousRound(file: string, salt: string): Promise<Round | { error: string }> {
  let data: Buffer;
  try {
    // bounded as every input is: not a pipe, not a file larger than any workbook
    data = await fileBytes(file);
  } catch (e) {
    if (e instanceof InputError && !/^找不到文件/.test(e.message)) return roundRefused(e.message, '（--previous）');
    return { error: `找不到上一轮的县汇总工作簿「${file}」（--previous）。请检查路径；本轮照常汇总，不生成“整改情况”。` };
  }
  return roundFromBytes(data, path.basename(file), salt, '（--previous）');
}
