import path from 'path';
import { WorkbookGrid } from '../core';
import { guardedPackage } from './guard';
import { gridFromPackage } from './read-bytes';

export { readGridBytes } from './read-bytes';

/**
 * The merge's values-only reader (read-bytes.ts) on a file: guard.ts's checks (missing, empty, .xls,
 * password, not a workbook, corrupt, bombs, too many rows, too large for this machine), then the grids, from
 * the package the checks opened. Bad files become InputError, as with openWorkbook.
 */
export async function readGrid(file: string, bytes?: Promise<Buffer>): Promise<WorkbookGrid> {
  const { pkg, verified } = await guardedPackage(file, bytes);
  const grid = gridFromPackage(pkg, file, path.basename(file));
  await verified();
  return grid;
}
