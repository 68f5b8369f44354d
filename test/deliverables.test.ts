import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { dayFromIso, DEFAULT_CAMPAIGN, deliveries, InboxFile, isLockOrHidden, Submission } from '../src/core';
import { inboxOf } from '../src/host/inbox';
import { scanInbox } from '../src/xlsx/inbox';
import { demoUnits } from '../src/sample/demo';
import { writeBook } from '../src/xlsx/write-book';
import { capture, tmpDir } from './helpers/files';

/** 报送情况's deliverables, from the inbox and the merge's 报送情况 (core/deliverables.ts). */
const day = (iso: string) => dayFromIso(iso)!;
const units = ['乾佑街道办事处', '下梁镇'];

describe('deliveries', () => {
  it('counts a roster the merge gave to a unit, whatever its name: an unreadable 下梁镇.csv was sent, on time', () => {
    const files: InboxFile[] = [
      { file: '/in/下梁镇.csv', received: day('2024-06-04') },
      { file: '/in/下梁镇培训计划.docx', received: day('2024-06-06') },
      { file: '/in/乾佑.xlsx', received: day('2024-06-05'), unit: '乾佑街道办事处', roster: true },
    ];
    const subs: Submission[] = [
      { unit: '乾佑街道办事处', status: '合格', files: ['/in/乾佑.xlsx'] },
      { unit: '下梁镇', status: '已报送（格式不符）', files: ['/in/下梁镇.csv'] },
    ];
    const d = deliveries(files, units, DEFAULT_CAMPAIGN, subs);
    const row = (u: string) => d.rows.find((r) => r.unit === u)!;
    expect(row('下梁镇').items.roster).toEqual({ status: '按时', received: day('2024-06-04'), files: ['/in/下梁镇.csv'] });
    expect(row('下梁镇').items.plan).toMatchObject({ status: '逾期', files: ['/in/下梁镇培训计划.docx'] });
    expect(row('下梁镇').check).toBe('已报送（格式不符）');
    expect(row('乾佑街道办事处').items.roster.status).toBe('按时');
    expect(d.unplaced).toEqual([]);
  });

  it('does not count a workbook no unit was found for (a sign-in sheet, under its own name) as a roster', () => {
    const file = '/in/签到表.xlsx';
    const d = deliveries([{ file, received: day('2024-06-04') }], units, DEFAULT_CAMPAIGN, [{ unit: '（签到表.xlsx）', status: '已报送（格式不符）', files: [file] }]);
    expect(d.rows.find((r) => r.unit === '（签到表.xlsx）')!.items.roster.status).toBe('未报');
  });

  it('leaves out a file that is neither a deliverable by name nor a roster the merge placed', () => {
    const d = deliveries([{ file: '/in/下梁镇.csv', received: day('2024-06-04') }], units, DEFAULT_CAMPAIGN, []);
    expect(d.rows.find((r) => r.unit === '下梁镇')!.items.roster.status).toBe('未报');
  });

  it('on the command line, with the files named as the clerk typed them (./收件箱/下梁镇.csv), counts the .csv as sent', async () => {
    const dir = tmpDir();
    mkdirSync(path.join(dir, '收件箱'));
    const unit = demoUnits(day('2024-06-05'))[0];
    await writeBook(unit.book, path.join(dir, '收件箱', unit.file));
    writeFileSync(path.join(dir, '收件箱', '下梁镇.csv'), '姓名,身份证号码\n张三,1\n');
    writeFileSync(path.join(dir, '应报单位.txt'), `${unit.unit}\n下梁镇\n`);
    const c = capture();
    const typed = (f: string) => `${dir}/./收件箱/${f}`;
    await main(['merge', typed('下梁镇.csv'), typed(unit.file), '--out', path.join(dir, '县汇总.xlsx'), '--expected', path.join(dir, '应报单位.txt')], c.io);
    expect(c.out.join('\n')).toMatch(/摸排统计表 按时 \d+、逾期 \d+、未报 0；/);
  });

  it('leaves Excel\'s lock files and hidden files out of the inbox, on the command line and in the pane', async () => {
    expect(['~$乾佑.xlsx', '城关镇/~$表.xlsx', '.DS_Store', '城关镇/._报告.docx', '城关镇/报告.docx', '乾佑.xlsx'].filter(isLockOrHidden))
      .toEqual(['~$乾佑.xlsx', '城关镇/~$表.xlsx', '.DS_Store', '城关镇/._报告.docx']);
    const dir = tmpDir();
    mkdirSync(path.join(dir, '城关镇'));
    for (const f of ['~$乾佑.xlsx', '.DS_Store', '城关镇/~$表.xlsx', '城关镇/培训计划.pdf']) writeFileSync(path.join(dir, f), 'x');
    expect((await scanInbox([dir])).map((f) => path.relative(dir, f.file))).toEqual([path.join('城关镇', '培训计划.pdf')]);
    const picked = ['~$乾佑.xlsx', '.DS_Store', '城关镇/培训计划.pdf'].map((name) => ({ name, arrayBuffer: async () => new ArrayBuffer(0) }));
    expect((await inboxOf(picked)).map((f) => f.file)).toEqual(['城关镇/培训计划.pdf']);
  });
});
