import { openPackage } from './package';

/**
 * A .docx is read for its title only up to this size: a report with many photos is known by its name, not held
 * whole in memory on the thread that lists the inbox.
 */
export const TITLE_BYTES = 64 * 2 ** 20;

/** The first 200 characters of a .docx's text (its title is there), or nothing when it can't be read. No Node API. */
export function docxTitle(data: Uint8Array, name: string): string | undefined {
  try {
    const pkg = openPackage(data, name);
    if (!pkg.has('word/document.xml')) return undefined;
    const xml = pkg.text('word/document.xml').slice(0, 200_000);
    return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').slice(0, 200);
  } catch {
    return undefined;
  }
}
