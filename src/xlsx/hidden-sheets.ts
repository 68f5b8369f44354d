import { BookPart } from './ooxml/new-book';

/**
 * Sheets of a new workbook made very hidden (our state, such as the rounds' data): newBookParts hides only the
 * county's mark, so the workbook part's entries for these sheets gain state="veryHidden".
 */
export function hideSheets(parts: BookPart[], names: string[]): BookPart[] {
  if (!names.length) return parts;
  return parts.map((p) => {
    if (p.name !== 'xl/workbook.xml' || !('pieces' in p)) return p;
    const xml = [...p.pieces].join('');
    const hidden = xml.replace(/<sheet name="([^"]*)" sheetId="(\d+)" r:id=/g, (all, name: string, id: string) =>
      names.includes(name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')) ? `<sheet name="${name}" sheetId="${id}" state="veryHidden" r:id=` : all);
    return { name: p.name, pieces: [hidden] };
  });
}
