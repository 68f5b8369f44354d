import { readFileSync } from 'fs';
import path from 'path';
import { DEFAULT_PROFILE, dayFromIso } from '../src/core';
import { decide } from '../src/host/decide';
import { demoUnits } from '../src/sample/demo';
import { pageSettings } from '../src/web/storage';
import { checkBytes, checkedName } from '../src/xlsx/check-bytes';
import { checkFile } from '../src/xlsx/check-file';
import { InputError } from '../src/xlsx/input-error';
import { openPackage } from '../src/xlsx/package';
import { writeBook } from '../src/xlsx/write-book';
import { tmpDir } from './helpers/files';

/**
 * The offline page's checked copy (check-bytes.ts, packed with fflate) against the command line's (check-file.ts,
 * packed with zlib): the same parts, byte for byte once inflated, so one workbook gets one copy whichever is used.
 */
const checkDate = dayFromIso('2024-06-05')!;
const generatedAt = '2024-06-05 09:30';
const dir = tmpDir();

const parts = (bytes: Uint8Array) => {
  const pkg = openPackage(bytes, 'x.xlsx');
  return Object.fromEntries(pkg.names.map((n) => [n, Buffer.from(pkg.bytes(n)).toString('base64')]));
};

describe('the checked copy made from bytes (the offline page) is the command line\'s', () => {
  it.each([0, 1, 2])('demo unit %i: every part the same', async (i) => {
    const unit = demoUnits(checkDate)[i];
    const file = path.join(dir, unit.file);
    await writeBook(unit.book, file);
    const out = path.join(dir, `cli-${i}.xlsx`);
    const cli = await checkFile(file, { checkDate, profile: DEFAULT_PROFILE, generatedAt, out });
    const page = await checkBytes(new Uint8Array(readFileSync(file)), unit.file, (grid) => decide(grid, { checkDate, profile: DEFAULT_PROFILE, generatedAt }));
    expect(page.result.people.map((p) => p.colour)).toEqual(cli.result!.people.map((p) => p.colour));
    expect(parts(page.bytes!)).toEqual(parts(readFileSync(out)));
    // and checking the checked copy again gives the same copy (the marks of the first are undone first)
    const again = await checkBytes(page.bytes!, checkedName(unit.file), (grid) => decide(grid, { checkDate, profile: DEFAULT_PROFILE, generatedAt }));
    expect(again.read.ours).toBe('checked');
    expect(parts(again.bytes!)).toEqual(parts(page.bytes!));
  });

  it('a file that is not a workbook is refused in Chinese, naming the file', async () => {
    await expect(checkBytes(new TextEncoder().encode('姓名,身份证号码'), '名单.xlsx', () => { throw new Error('not reached'); }))
      .rejects.toThrow(new InputError('文件「名单.xlsx」不是 Excel 工作簿。请确认这是 Excel 工作簿（.xlsx）。'));
  });

  it('名称.xlsx gives 名称.checked.xlsx, as the command line names it', () => {
    expect(checkedName('乾佑街道办事处.xlsx')).toBe('乾佑街道办事处.checked.xlsx');
    expect(checkedName('表.XLSX')).toBe('表.checked.xlsx');
    // an .xlsm's content types open only as .xlsm
    expect(checkedName('宏.xlsm')).toBe('宏.checked.xlsm');
  });
});

describe('the page\'s settings', () => {
  it('keeps settings under the add-ins\' keys in the browser\'s storage, once saved', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const s = pageSettings(storage);
    s.set('certSweep.expectedUnits', '营盘镇人民政府');
    expect(store.size).toBe(0);
    await s.save();
    expect(store.get('certSweep.expectedUnits')).toBe('"营盘镇人民政府"');
    expect(pageSettings(storage).get('certSweep.expectedUnits')).toBe('营盘镇人民政府');
  });

  it('without storage (a browser that refuses it to a file), settings last for the page and saving says it could not', async () => {
    const s = pageSettings(null);
    s.set('certSweep.profile', '{}');
    expect(s.get('certSweep.profile')).toBe('{}');
    await expect(s.save()).rejects.toThrow();
  });
});
