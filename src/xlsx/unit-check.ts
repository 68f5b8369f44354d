import crypto from 'crypto';
import path from 'path';
import { BookKind, checkWorkbook, Day, FileCheck, Profile } from '../core';
import { bookSkipped, dropRows } from './check-bytes';
import { readOrRefuse } from './check-file';

/**
 * A unit's check, whether the file is one of ours (the county's workbook, or a checked copy), and its people's
 * round keys (rounds.ts fileKeys) under the campaign's salt, made in the worker, not after the last file.
 */
export type UnitCheck = FileCheck & { ours?: 'checked' | BookKind; roundKeys?: RoundKeys };
export type RoundKeys = { salt: string; keys: string[] };

/** Node's SHA-256 for the rounds' keys (crypto.hash is Node ≥ 20.12; createHash before), the same digests as the core's */
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export const nodeSha256 = (text: string) => (oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex'));

/** the keys a merge's checks carry, for roundPeople: those made under `salt` */
export const keysUnder = (salt: string) => (f: FileCheck) => {
  const k = (f as UnitCheck).roundKeys;
  return k && k.salt === salt ? k.keys : undefined;
};

/**
 * One unit's workbook for the county's merge, read as `check` reads it (readWorkbook) and checked, keeping
 * what the consolidation needs (verdicts and findings, not the rows). Bad files become a FileCheck that
 * says why, never a throw.
 */
export async function checkUnitFile(file: string, checkDate: Day, profile: Profile, bytes?: Promise<Buffer>): Promise<UnitCheck> {
  const name = path.basename(file);
  const read = await readOrRefuse(file, bytes);
  if ('refused' in read) return { file, ...read.refused };
  const book = bookSkipped(read, name);
  if (book) return { file, status: 'not-a-roster', message: book.message, ours: book.kind };
  const ours = read.ours ?? undefined;
  const result = checkWorkbook(read.grid, { checkDate, profile });
  if (result.status !== 'ok') return { file, status: result.status, message: `「${name}」：${result.message}`, ours };
  dropRows(result);
  return { file, status: 'ok', message: result.message, result, ours };
}
