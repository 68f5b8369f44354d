/** A1-style addresses. Columns and rows are 1-based. */
export function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A sheet-qualified reference, quoted as Excel wants it. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `'${sheet.replace(/'/g, "''")}'!${a1(row, col)}`;
}
