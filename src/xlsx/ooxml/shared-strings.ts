import { MAIN_NS } from './outsheet';
import { textRun } from './xml';

/**
 * The shared strings of a workbook we make (the county's): the texts that repeat down a long sheet (unit,
 * file, 执法主体, 清理结论…) are stored once and cited by index, as Excel itself stores every text, which
 * keeps the 明细 a third smaller to make, deflate and open. Unique texts (names, ID numbers) stay inline.
 */
export const SHARED_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings';
export const SHARED_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private cited = 0;

  /** the text's index, added on first use */
  of(text: string): number {
    this.cited++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }

  /** how many cells cite a text: a caller that makes some rows again takes back their citations first */
  get citations(): number {
    return this.cited;
  }

  uncite(n: number): void {
    this.cited -= n;
  }

  xml(): string {
    let items = '';
    for (const text of this.index.keys()) items += `<si>${textRun(text)}</si>`;
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<sst xmlns="${MAIN_NS}" count="${this.cited}" uniqueCount="${this.index.size}">${items}</sst>`;
  }
}
