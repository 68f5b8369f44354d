import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { demoUnits } from '../src/sample/demo';
import { dayFromIso } from '../src/core';
import { readBytes } from '../src/xlsx/check-bytes';
import { writeBook } from '../src/xlsx/write-book';
import { capture, tmpDir } from './helpers/files';

/**
 * A checked copy whose notes part was cut short (a mail client, a half-copied file): found by an audit of
 * issue 10. check crashed with English ("comments without <commentList>") and stopped the batch, while
 * merge read the same file. Now check reads it as merge does, leaves the damaged part as the clerk's, and
 * goes on to the next file.
 */
const dir = tmpDir();
const units = demoUnits(dayFromIso('2024-06-05')!);
const cli = async (...args: string[]) => {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
};

beforeAll(async () => {
  for (const u of units.slice(0, 2)) await writeBook(u.book, path.join(dir, u.file));
  await cli('check', path.join(dir, units[1].file), '--out', path.join(dir, 'copy.checked.xlsx'), '--date', '2024-06-05');
  const zip = unzipSync(readFileSync(path.join(dir, 'copy.checked.xlsx')));
  const part = Object.keys(zip).find((n) => /^xl\/comments\d+\.xml$/.test(n))!;
  expect(part).toBeDefined();
  zip[part] = strToU8(strFromU8(zip[part]).slice(0, 300));
  writeFileSync(path.join(dir, 'damaged.xlsx'), zipSync(zip));
});

describe('a workbook whose notes part is cut short', () => {
  it('check and merge give it one verdict, in Chinese, and check goes on to the next file', async () => {
    const before = readFileSync(path.join(dir, 'damaged.xlsx'));
    const r = await cli('check', path.join(dir, 'damaged.xlsx'), path.join(dir, units[0].file), '--out', path.join(dir, 'out') + '/', '--date', '2024-06-05', '--json');
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { status: string }) => f.status)).toEqual(['ok', 'ok']);
    expect(r.code).toBe(1); // findings, not a failure
    expect(`${r.out}${r.err}`).not.toMatch(/意外错误|commentList|undefined/);
    const m = JSON.parse((await cli('merge', path.join(dir, 'damaged.xlsx'), '--out', path.join(dir, 'county.xlsx'), '--date', '2024-06-05', '--json')).out);
    expect(m.files.map((f: { status: string }) => f.status)).toEqual(['ok']);
    expect(readFileSync(path.join(dir, 'damaged.xlsx')).equals(before)).toBe(true);
  });

  it('the copy is made, reads back with the clerk\'s values, and lists the findings on 校验结果', async () => {
    const copy = await readBytes(readFileSync(path.join(dir, 'out', 'damaged.checked.xlsx')), 'damaged.checked.xlsx');
    const input = await readBytes(readFileSync(path.join(dir, 'damaged.xlsx')), 'damaged.xlsx');
    // read back as the clerk's workbook (our marks undone): the same values as the input
    expect(copy.grid.sheets).toEqual(input.grid.sheets);
    const list = unzipSync(readFileSync(path.join(dir, 'out', 'damaged.checked.xlsx')));
    expect(Object.values(list).some((b) => strFromU8(b).includes('HYPERLINK'))).toBe(true);
  });
});
