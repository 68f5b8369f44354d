import { fileBytes } from './guard';
import { COUNTY_SHEET } from './ooxml/new-book';
import { Parts } from './ooxml/parts';
import { STATE_SHEET } from './ooxml/state';
import { sheets } from './ooxml/workbook';
import { openPackage } from './package';

/**
 * Whether a file is one we wrote, by the sheet we leave in it (a checked copy's state, the county
 * workbook's mark), not by its name: only such a file may be replaced by a new output. Anything else,
 * including what cannot be read (a pipe, a file larger than any we write: not read at all), is the clerk's.
 */
export async function oursOf(file: string): Promise<'checked' | 'county' | null> {
  try {
    const names = sheets(new Parts(openPackage(await fileBytes(file), file))).map((s) => s.name);
    return names.includes(COUNTY_SHEET) ? 'county' : names.includes(STATE_SHEET) ? 'checked' : null;
  } catch {
    return null;
  }
}
