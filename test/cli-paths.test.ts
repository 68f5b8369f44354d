import { copyFileSync, existsSync, linkSync, mkdirSync, promises as fsp, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import path from 'path';
import { main } from '../src/cli/main';
import { dayFromIso } from '../src/core';
import { demoUnits } from '../src/sample/demo';
import { writeBook } from '../src/xlsx/write-book';
import { oursOf } from '../src/xlsx/ours';
import { capture, load, tmpDir } from './helpers/files';

/** Issue 10: outputs never land on an input, never replace what we did not write, and are whole or absent. */
const DATE = ['--date', '2024-06-05'];
const units = demoUnits(dayFromIso('2024-06-05')!);
let source: string;

async function cli(...args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** A fresh folder with the demo's first unit as `name` (and its bytes, to prove it unchanged). */
function folderWith(name = 'a.xlsx'): { dir: string; file: string; bytes: Buffer } {
  const dir = tmpDir();
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(source, file);
  return { dir, file, bytes: readFileSync(file) };
}

beforeAll(async () => {
  source = path.join(tmpDir(), units[0].file);
  await writeBook(units[0].book, source);
});

describe('no output reaches an input', () => {
  it('refuses check --out through a symlink or a hard link to the input, naming both, and leaves it as it was', async () => {
    for (const link of [symlinkSync, linkSync]) {
      const { dir, file, bytes } = folderWith();
      const out = path.join(dir, 'b.xlsx');
      link(file, out);
      const r = await cli('check', file, '--out', out, ...DATE);
      expect(r.code).toBe(2);
      expect(r.out).toContain(`输出文件「${out}」就是输入文件「${file}」`);
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('refuses check --out spelled with .. to the input', async () => {
    const { dir, file, bytes } = folderWith('sub/a.xlsx');
    const r = await cli('check', file, '--out', path.join(dir, 'sub', '..', 'sub', 'a.xlsx'), ...DATE);
    expect(r.code).toBe(2);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses clear through a symlink or a hard link to its input', async () => {
    const { dir, file, bytes } = folderWith();
    symlinkSync(file, path.join(dir, 'link.xlsx'));
    linkSync(file, path.join(dir, 'hard.xlsx'));
    for (const out of ['link.xlsx', 'hard.xlsx']) {
      const r = await cli('clear', file, '--out', path.join(dir, out));
      expect(r.code).toBe(2);
      expect(r.err).toContain('就是输入文件');
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });

  it('refuses merge --out naming one of the inbox files, or the single input, and writes nothing', async () => {
    const { dir, file, bytes } = folderWith('收件箱/乾佑.xlsx');
    copyFileSync(source, path.join(dir, '收件箱', '城关.xlsx'));
    for (const args of [[path.join(dir, '收件箱'), '--out', file], [file, '--out', file]]) {
      const r = await cli('merge', ...args, ...DATE, '--json');
      expect(r.code).toBe(2);
      const j = JSON.parse(r.out);
      expect(j).toMatchObject({ status: 'unusable', message: expect.stringContaining(`就是输入文件「${file}」`) });
      expect(readFileSync(file).equals(bytes)).toBe(true);
    }
  });
});

describe('outputs get names of their own', () => {
  it('gives two inputs of one name distinct outputs in --out/', async () => {
    const dir = tmpDir();
    for (const sub of ['甲', '乙']) {
      mkdirSync(path.join(dir, sub));
      copyFileSync(source, path.join(dir, sub, '摸排统计表.xlsx'));
    }
    const r = await cli('check', path.join(dir, '甲', '摸排统计表.xlsx'), path.join(dir, '乙', '摸排统计表.xlsx'), '--out', path.join(dir, '结果') + '/', ...DATE);
    expect(r.code).toBe(1);
    expect(readdirSync(path.join(dir, '结果')).sort()).toEqual(['摸排统计表 (乙).checked.xlsx', '摸排统计表.checked.xlsx']);
  });

  it('never replaces an x.checked.xlsx it did not write: the copy gets a number and the message says so', async () => {
    const { dir, file } = folderWith();
    const mine = path.join(dir, 'a.checked.xlsx');
    copyFileSync(source, mine);
    const clerks = readFileSync(mine);
    const r = await cli('check', file, ...DATE);
    expect(readFileSync(mine).equals(clerks)).toBe(true);
    expect(r.out).toContain(`已有文件「${mine}」不是本工具写出的，未覆盖；校验副本写为「${path.join(dir, 'a.checked (2).xlsx')}」`);
    expect(await oursOf(path.join(dir, 'a.checked (2).xlsx'))).toBe('checked');
    // our own copy is ours to replace
    const again = await cli('check', file, '--out', path.join(dir, 'a.checked (2).xlsx'), ...DATE);
    expect(again.out).not.toContain('未覆盖');
  });

  it('takes --out as a folder when it ends in a slash or is one, with one file, with and without --json', async () => {
    for (const [out, json] of [['新结果/', false], ['已有', false], ['已有', true]] as const) {
      const { dir, file } = folderWith('ONE.xlsx');
      if (!out.endsWith('/')) mkdirSync(path.join(dir, out));
      const r = await cli('check', file, '--out', path.join(dir, out), ...DATE, ...(json ? ['--json'] : []));
      expect(r.code).toBe(1);
      expect(existsSync(path.join(dir, out, 'ONE.checked.xlsx'))).toBe(true);
      if (json) expect(JSON.parse(r.out).status).toBe('findings');
    }
  });
});

describe('writes are whole or absent', () => {
  it('a full disk leaves no partial file, says 磁盘已满, exits 2, and the next file still goes on', async () => {
    const { dir, file } = folderWith();
    const second = path.join(dir, 'b.xlsx');
    copyFileSync(source, second);
    const open = fsp.open;
    let calls = 0;
    // the first output's temporary file fills the disk half-way through
    const spy = jest.spyOn(fsp, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      if (String(args[0]).endsWith('.tmp') && calls++ === 0) {
        const write = handle.write.bind(handle);
        (handle as { write: unknown }).write = async (data: Uint8Array, at: number, length: number) => {
          await write(data, at, Math.min(length, 1000));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
      }
      return handle;
    });
    try {
      const r = await cli('check', file, second, ...DATE);
      expect(r.code).toBe(2);
      expect(r.out).toContain('磁盘已满，未能写出');
      expect(r.out).not.toMatch(/ENOSPC|no space/);
      // the total counts it, as the exit status does
      expect(r.out).toContain('无法使用或未能写出 1 个');
      expect(existsSync(path.join(dir, 'a.checked.xlsx'))).toBe(false);
      expect(existsSync(path.join(dir, 'b.checked.xlsx'))).toBe(true);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('permissions and read-only disks, said as what they are (simulated: these tests run as root)', () => {
  const failing = (match: (file: string) => boolean, code: string, call: 'readFile' | 'open') => {
    const real = fsp[call] as (...a: unknown[]) => Promise<unknown>;
    return jest.spyOn(fsp, call).mockImplementation((async (...args: unknown[]) => {
      if (match(String(args[0]))) throw Object.assign(new Error(`${code}: denied`), { code });
      return real(...args);
    }) as never);
  };

  it('a file it may not read: 没有读取…的权限 (not 找不到文件), exit 2, the next file goes on', async () => {
    const { dir, file } = folderWith();
    const second = path.join(dir, 'b.xlsx');
    copyFileSync(source, second);
    const spy = failing((f) => f === file, 'EACCES', 'readFile');
    try {
      const r = await cli('check', file, second, ...DATE);
      expect(r.code).toBe(2);
      expect(r.out + r.err).toContain('没有读取文件「a.xlsx」的权限');
      expect(r.out + r.err).not.toMatch(/找不到文件|EACCES/);
      expect(existsSync(path.join(dir, 'b.checked.xlsx'))).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it('a folder it may not write in, or a read-only disk: said so, nothing left behind', async () => {
    for (const [code, says] of [['EACCES', '没有写入'], ['EROFS', '磁盘是只读的']]) {
      const { dir, file } = folderWith();
      const spy = failing((f) => f.endsWith('.tmp'), code, 'open');
      try {
        const r = await cli('check', file, ...DATE);
        expect(r.code).toBe(2);
        expect(r.out + r.err).toContain(says);
        expect(r.out + r.err).not.toContain(code);
        expect(readdirSync(dir).sort()).toEqual(['a.xlsx']);
      } finally {
        spy.mockRestore();
      }
    }
  });
});

describe('JSON is always JSON, and every file in an inbox is accounted for', () => {
  it('prints the contract with a status for an empty folder, a usage error and a bad option', async () => {
    const empty = tmpDir();
    for (const args of [['merge', empty, '--out', path.join(empty, 'x.xlsx')], ['check'], ['check', 'a.xlsx', '--nope'], ['check', 'a.xlsx', '--date', '6月5日']]) {
      const r = await cli(...args, '--json');
      expect(r.code).toBe(2);
      const j = JSON.parse(r.out);
      expect(j).toMatchObject({ files: [], status: 'usage-error' });
      expect(j.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.out + r.err).not.toMatch(/Unknown option|TypeError|ERR_/);
    }
  });

  it('lists .xls, .et and .csv files of an inbox with the reason, exits 2, skips its own county workbook on the next run', async () => {
    const { dir } = folderWith('收件箱/乾佑.xlsx');
    const inbox = path.join(dir, '收件箱');
    writeFileSync(path.join(inbox, '城关镇.et'), 'x');
    writeFileSync(path.join(inbox, '营盘镇_摸排统计表.xls'), 'x');
    writeFileSync(path.join(inbox, '名单.csv'), '姓名\n');
    writeFileSync(path.join(dir, '应报单位.txt'), '城关镇\n营盘镇\n红岩寺镇\n');
    const county = path.join(inbox, '县汇总.xlsx');
    const first = await cli('merge', inbox, '--out', county, '--expected', path.join(dir, '应报单位.txt'), ...DATE, '--json');
    expect(first.code).toBe(2);
    const files = JSON.parse(first.out).files as { file: string; status: string; message: string }[];
    expect(files.map((x) => path.basename(x.file)).sort()).toEqual(['乾佑.xlsx', '名单.csv', '城关镇.et', '营盘镇_摸排统计表.xls'].sort());
    // units whose file came in a format we can't read have reported, in the wrong format: not 未报送
    const submissions = (await load(county)).getWorksheet('报送情况')!;
    const rows: string[] = [];
    submissions.eachRow((row, i) => i > 1 && rows.push(`${row.getCell(2).value}:${row.getCell(3).value}`));
    expect(rows).toEqual(expect.arrayContaining(['城关镇:已报送（格式不符）', '营盘镇:已报送（格式不符）', '红岩寺镇:未报送']));
    expect(files.find((x) => x.file.endsWith('.et'))!.message).toContain('WPS 表格（.et）格式');
    expect(files.find((x) => x.file.endsWith('.xls'))!.message).toContain('另存为 .xlsx');
    expect(await oursOf(county)).toBe('county');
    const second = await cli('merge', inbox, '--out', path.join(dir, '第二次.xlsx'), ...DATE, '--json');
    expect(JSON.parse(second.out).files.map((x: { file: string }) => path.basename(x.file))).not.toContain('县汇总.xlsx');
    expect(second.err.match(/已跳过 1 个本工具自己生成的文件/g)).toHaveLength(1);
  });

  it('prints the contract for clear and template too, with what was written; a refused clear is JSON as well', async () => {
    const { dir, file } = folderWith();
    await cli('check', file, '--out', path.join(dir, 'a.checked.xlsx'), ...DATE);
    const cleared = await cli('clear', path.join(dir, 'a.checked.xlsx'), '--out', path.join(dir, 'clean.xlsx'), '--json');
    expect(cleared.code).toBe(0);
    expect(JSON.parse(cleared.out)).toMatchObject({ status: 'ok', out: path.join(dir, 'clean.xlsx'), files: [] });
    expect(cleared.err).toMatch(/已清除/);
    const template = await cli('template', '--out', path.join(dir, 't.xlsx'), '--json');
    expect(JSON.parse(template.out)).toMatchObject({ status: 'ok', out: path.join(dir, 't.xlsx') });
    const refused = await cli('clear', file, '--out', file, '--json');
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({ status: 'unusable' });
  });

  it('says where a --profile is not JSON, in Chinese, and what to do with one saved as UTF-16', async () => {
    const { dir, file } = folderWith();
    const comma = path.join(dir, 'comma.json');
    writeFileSync(comma, '{\n  "name": "县规则",\n  "version": "1",\n}');
    const utf16 = path.join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.from('\uFEFF{"name":"县规则"}', 'utf16le'));
    const a = await cli('check', file, '--profile', comma, ...DATE, '--json');
    expect(JSON.parse(a.out).message).toMatch(/第 4 行第 1 个字符附近有误/);
    const b = await cli('check', file, '--profile', utf16, ...DATE, '--json');
    expect(JSON.parse(b.out).message).toMatch(/UTF-16.*另存为.*UTF-8/);
    expect(a.out + a.err + b.out + b.err).not.toMatch(/Unexpected|position|token/i);
  });

  it('reads a macro-enabled .xlsm as a workbook, and its copy stays .xlsm with the macros byte for byte', async () => {
    const { dir } = folderWith();
    const zip = unzipSync(readFileSync(source));
    const edit = (n: string, f: (x: string) => string) => (zip[n] = strToU8(f(strFromU8(zip[n]))));
    // as Excel saves a workbook with macros: its content type, a VBA project and the workbook's link to it
    edit('[Content_Types].xml', (x) => x.replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
    edit('xl/_rels/workbook.xml.rels', (x) => x.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    zip['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]);
    const file = path.join(dir, '宏.xlsm');
    writeFileSync(file, zipSync(zip));
    const r = await cli('check', file, ...DATE);
    expect(r.code).toBe(1);
    const copy = unzipSync(readFileSync(path.join(dir, '宏.checked.xlsm')));
    expect(copy['xl/vbaProject.bin']).toEqual(zip['xl/vbaProject.bin']);
    expect(strFromU8(copy['[Content_Types].xml'])).toContain('macroEnabled.main+xml');
    const m = JSON.parse((await cli('merge', file, '--out', path.join(dir, '县.xlsx'), ...DATE, '--json')).out);
    expect(m.files.map((f: { status: string }) => f.status)).toEqual(['ok']);
    const out = tmpDir();
    expect((await cli('clear', path.join(dir, '宏.checked.xlsm'), '--out', `${out}/`)).code).toBe(0);
    expect(readdirSync(out)).toEqual(['宏.xlsm']);
  });

  it('reads a --profile saved with a byte-order mark', async () => {
    const { dir, file } = folderWith();
    const profile = path.join(dir, 'p.json');
    writeFileSync(profile, '\uFEFF{"name":"县规则","version":"1"}');
    const r = await cli('check', file, '--profile', profile, ...DATE, '--json');
    expect(JSON.parse(r.out).profile.name).toBe('县规则');
  });
});
