import ExcelJS from 'exceljs';
import { writeFileSync } from 'fs';
import path from 'path';
import { main } from '../../src/cli/main';
import { dayFromIso } from '../../src/core/dates';
import { demoUnits } from '../../src/sample/demo';
import { writeBook } from '../../src/xlsx/write-book';
import { capture, load, tmpDir } from '../helpers/files';

const dir = tmpDir();
const inbox = path.join(dir, '收件');
const out = path.join(dir, '柞水县汇总.xlsx');

async function cli(...args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

beforeAll(async () => {
  const { mkdirSync, copyFileSync } = await import('fs');
  mkdirSync(inbox, { recursive: true });
  for (const u of demoUnits(dayFromIso('2024-06-05')!)) await writeBook(u.book, path.join(inbox, u.file));
  copyFileSync(path.join(inbox, '营盘镇_摸排统计表.xlsx'), path.join(inbox, '营盘镇_摸排统计表（重报）.xlsx'));
  writeFileSync(path.join(inbox, '坏文件.xlsx'), '不是表格');
  writeFileSync(path.join(inbox, '~$乾佑街道办事处_摸排统计表.xlsx'), 'lock');
  writeFileSync(path.join(dir, '应报单位.txt'), '单位\n乾佑街道办事处\n营盘镇人民政府\n柞水县市场监督管理局\n红岩寺镇人民政府\n');
});

describe('cert-sweep merge', () => {
  it('merges a folder: the bad file is reported and the rest go on (exit 2: an input was unusable), per-file progress on stderr', async () => {
    const r = await cli('merge', inbox, '--out', out, '--expected', path.join(dir, '应报单位.txt'), '--json', '--date', '2024-06-05');
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.status).toBe('unusable');
    expect(j.files.map((f: { status: string }) => f.status)).toEqual(['unreadable', 'ok', 'ok', 'ok', 'ok']);
    expect(j.files[0].message).toContain('不是 Excel 工作簿');
    expect(r.err.split('\n')).toHaveLength(5);
    expect(r.err).toContain('[5/5]');
    expect(j.summary.rows).toHaveLength(4);
    for (const k of ['people', 'holders', 'red', 'yellow', 'green']) {
      expect(j.summary.total[k]).toBe(j.summary.rows.reduce((s: number, x: Record<string, number>) => s + x[k], 0));
    }
    expect(j.summary.total.people).toBe(j.people.length);
    expect(j.findings.filter((f: { rule: string }) => f.rule === 'X03').map((f: { file: string }) => path.basename(f.file))).toEqual(
      ['坏文件.xlsx', '营盘镇_摸排统计表.xlsx', '营盘镇_摸排统计表（重报）.xlsx']);
    expect(j.findings.every((f: { file: string }) => f.file)).toBe(true);
  });

  it('writes 汇总, 报送情况, 明细 and 校验结果, with the expected units', async () => {
    const wb = await load(out);
    // and, very hidden, the round's data for the next round's 整改情况 (issue 12) and the county's mark: the next merge knows this workbook for its own output
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['汇总', 'visible'], ['报送情况', 'visible'], ['明细', 'visible'], ['校验结果', 'visible'], ['_证件清理_轮次', 'veryHidden'], ['_证件清理_县汇总', 'veryHidden']]);
    const sub = wb.getWorksheet('报送情况')!;
    const rows: string[] = [];
    sub.eachRow((row, i) => i > 1 && rows.push(`${row.getCell(2).value}:${row.getCell(3).value}`));
    expect(rows).toContain('红岩寺镇人民政府:未报送');
    expect(rows).toContain('营盘镇人民政府:有问题');
    const detail = wb.getWorksheet('明细')!;
    expect(detail.rowCount - 1).toBe(20 + 16 + 16 + 10);
    // masked by default: the county workbook is shared
    expect(String(detail.getCell(2, 7).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(wb.getWorksheet('校验结果')!.getRow(1).values).toContain('文件');
  });

  it('masks ID numbers in every output by default, and keeps them whole only with --full-ids', async () => {
    const masked = path.join(dir, 'masked.xlsx');
    const r = await cli('merge', inbox, '--out', masked, '--json', '--date', '2024-06-05');
    expect(r.out).not.toMatch(/\d{17}[\dX]/);
    expect(JSON.parse(r.out).idNumbers).toBe('masked');
    const texts = (wb: ExcelJS.Workbook) => {
      const out: string[] = [];
      wb.getWorksheet('校验结果')!.eachRow((row) => out.push(String(row.getCell(8).value)));
      return out.join();
    };
    const wb = await load(masked);
    expect(String(wb.getWorksheet('明细')!.getCell(2, 7).value)).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(texts(wb)).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(texts(wb)).not.toMatch(/\d{17}[\dX]/);
    const full = path.join(dir, 'full.xlsx');
    const f = await cli('merge', inbox, '--out', full, '--full-ids', '--json', '--date', '2024-06-05');
    expect(JSON.parse(f.out).idNumbers).toBe('full');
    expect(String((await load(full)).getWorksheet('明细')!.getCell(2, 7).value)).toMatch(/^\d{17}[\dX]$/);
  });

  it('needs --out, and says so in Chinese', async () => {
    const r = await cli('merge', inbox);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--out');
  });
});
