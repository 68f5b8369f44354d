import { BookKind, OutSheet, timestamp } from '../core';
import { packInBrowser } from '../xlsx/check-bytes';
import { NEW_BOOK_LEVEL, newBookParts } from '../xlsx/ooxml/new-book';

/**
 * A new workbook of our sheets as bytes, packed in the browser (the pane's feedback workbooks, the offline page's
 * county workbook); `hidden` sheets very hidden. Every part is made as pieces here: none comes deflated in segments.
 */
export function newBookBytes(sheets: OutSheet[], hidden: OutSheet[] = [], kind: BookKind = 'county'): Promise<Uint8Array> {
  const parts = newBookParts([...sheets, ...hidden], timestamp(new Date()), { hidden: hidden.map((s) => s.name), kind }).map((p) => {
    if (!('pieces' in p)) throw new Error('a pre-deflated part');
    return p;
  });
  return packInBrowser(parts, NEW_BOOK_LEVEL);
}
