import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'fs';
import path from 'path';
import { main } from '../src/cli/main';
import { campaignOf, dayFromIso, deadlineLine, DEFAULT_PROFILE, matchUnit, parseProfile, sha256Hex, unitKey } from '../src/core';
import { oursOf } from '../src/xlsx/ours';
import { campaignRounds, CG, EXPECTED_UNITS, SC, writeRounds, YP } from './helpers/rounds';
import { capture, load, tmpDir } from './helpers/files';

/**
 * The campaign after the first submission (issue 12): two rounds over the same units, with the deliverables
 * tracked against their deadlines and a feedback workbook per unit.
 */
const dir = tmpDir();
const { round1, round2, wu } = campaignRounds(dir);
const county1 = path.join(dir, '县汇总-第一轮.xlsx');
const county2 = path.join(dir, '县汇总-第二轮.xlsx');
const feedback = path.join(dir, '反馈');
const expected = path.join(dir, '应报单位.txt');

async function cli(...args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

beforeAll(async () => {
  writeFileSync(expected, EXPECTED_UNITS);
  await writeRounds(dir);
});

describe('round 1: 报送情况 with the deliverables, feedback to each unit', () => {
  let r: Awaited<ReturnType<typeof cli>>;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    r = await cli('merge', round1, '--out', county1, '--expected', expected, '--feedback', feedback, '--date', '2024-06-10');
    wb = await load(county1);
  });

  it('tracks each expected unit\'s roster, training plan and report: date received and 按时 / 逾期 / 未报', () => {
    const ws = wb.getWorksheet('报送情况')!;
    const rows = new Map<string, unknown[]>();
    ws.eachRow((row, i) => i > 1 && rows.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1)));
    // 序号 单位 报送情况 | 摸排统计表 状态 | 培训计划 状态 | 自查报告 状态
    expect(rows.get('城关镇')!.slice(2, 9)).toEqual(['有问题', '2024-06-04', '按时', '2024-06-03', '按时', undefined, '未报']);
    expect(rows.get('县市场监管局')!.slice(2, 9)).toEqual(['有问题', '2024-06-07', '逾期', undefined, '未报', undefined, '未报']);
    expect(rows.get('营盘镇')!.slice(2, 9)).toEqual(['合格', '2024-06-05', '按时', undefined, '未报', undefined, '未报']);
    expect(rows.get('红岩寺镇')!.slice(2, 5)).toEqual(['已报送（格式不符）', '2024-06-06', '逾期']);
    expect(rows.get('下梁镇')!.slice(2, 5)).toEqual(['未报送', undefined, '未报']);
    // a file naming two units is reported, not guessed
    const text = JSON.stringify([...rows.values()]);
    expect(text).toContain('「城关镇与营盘镇培训计划」同时对应「城关镇」「营盘镇」');
    expect(r.out).toMatch(/摸排统计表 按时 2、逾期 2、未报 1；学习培训计划 按时 1、逾期 0、未报 4/);
    expect(r.code).toBe(2);
  });

  it('keeps this round\'s data in a very hidden, versioned sheet, with no ID number in clear', () => {
    const ws = wb.getWorksheet('_证件清理_轮次')!;
    expect(ws.state).toBe('veryHidden');
    expect(ws.getRow(1).values).toEqual([undefined, 'cert-sweep-rounds', 1, '柞政司发〔2024〕52号|柞水县司法局', '2024-06-10', expect.any(String)]);
    const all: string[] = [];
    const people: number[] = [];
    ws.eachRow((row, i) => {
      all.push(JSON.stringify(row.values));
      if (i > 3) people.push(Number(row.getCell(3).value));
    });
    // a row per unit, its people packed: 5 + 3 + 1
    expect(people).toEqual([5, 3, 1]);
    expect(all.join()).not.toMatch(/\d{17}[\dX]/);
    expect(all.join()).not.toContain(String(wu.idNumber));
  });

  it('writes a feedback workbook per unit, the expected unit that sent nothing included', async () => {
    expect(readdirSync(feedback).sort()).toEqual(['城关镇人民政府_反馈意见.xlsx', '柞水县市场监督管理局_反馈意见.xlsx', '红岩寺镇_反馈意见.xlsx', '营盘镇人民政府_反馈意见.xlsx', '下梁镇_反馈意见.xlsx'].sort());
    expect(r.out).toContain('反馈意见：为 5 个单位写出反馈工作簿');
  });

  it('explains the cross-unit finding from the unit\'s side: the other unit and name, the ID masked, no one else', async () => {
    const fb = await load(path.join(feedback, '城关镇人民政府_反馈意见.xlsx'));
    const text = sheetText(fb.getWorksheet('反馈意见')!);
    const masked = `${String(wu.idNumber).slice(0, 6)}********${String(wu.idNumber).slice(-4)}`;
    expect(text).toContain(`身份证号码（${masked}）与柞水县市场监督管理局报送的人员「己六」重复，且两处均持有效证件`);
    expect(text).not.toContain(String(wu.idNumber));
    // the other unit's people beyond the conflict do not appear
    expect(text).not.toMatch(/庚七|辛八/);
    // its own findings, what to do and by when, and a contact line to fill in
    expect(text).toMatch(/甲一.*P01|P01.*甲一/s);
    expect(text).toContain('2024年6月30日前');
    expect(text).toContain('2024年7月25日前将自查自纠工作报告报送柞水县司法局');
    expect(text).toContain('联系人：＿＿');
    expect(fb.getWorksheet('红黄人员')!.rowCount).toBe(1 + 4);
    const side = sheetText((await load(path.join(feedback, '柞水县市场监督管理局_反馈意见.xlsx'))).getWorksheet('反馈意见')!);
    expect(side).toContain('与城关镇人民政府报送的人员「吴五」重复');
    expect(side).not.toMatch(/甲一|乙二|丙三|丁四/);
    const unread = sheetText((await load(path.join(feedback, '红岩寺镇_反馈意见.xlsx'))).getWorksheet('反馈意见')!);
    expect(unread).toContain('报送的文件无法作为摸排统计表使用');
    expect(unread).toContain('另存为 .xlsx');
    const none = sheetText((await load(path.join(feedback, '下梁镇_反馈意见.xlsx'))).getWorksheet('反馈意见')!);
    expect(none).toContain('未收到本单位的摸排统计表。请于 2024年6月5日前将摸排统计表和 2024 年度行政执法学习培训计划报送柞水县司法局');
    expect(await oursOf(path.join(feedback, '红岩寺镇_反馈意见.xlsx'))).not.toBeNull();
  });
});

describe('feedback with the county\'s contact line and --full-ids', () => {
  it('prints the contact given; the unit\'s own ID numbers whole, another unit\'s people only by name; a file not ours is kept', async () => {
    const out = path.join(dir, '反馈-完整');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, '城关镇人民政府_反馈意见.xlsx'), '单位自己的文件');
    const r = await cli('merge', round1, '--out', path.join(dir, '县汇总-完整.xlsx'), '--feedback', out, '--full-ids', '--contact', '联系人：汪光波　联系电话：13909147170', '--date', '2024-06-10');
    expect(r.out).toContain('已有文件「');
    const text = sheetText((await load(path.join(out, '城关镇人民政府_反馈意见 (2).xlsx'))).getWorksheet('反馈意见')!);
    expect(text).toContain('柞水县司法局　联系人：汪光波　联系电话：13909147170');
    expect(text).toContain(`身份证号码（${wu.idNumber}）与柞水县市场监督管理局报送的人员「己六」重复`);
    const people = sheetText((await load(path.join(out, '城关镇人民政府_反馈意见 (2).xlsx'))).getWorksheet('红黄人员')!);
    expect(people).toContain(String(wu.idNumber));
  });
});

describe('a feedback workbook the unit sends back, its 整改情况 filled in', () => {
  it('is said as received, with the 整改情况 the unit wrote; not taken for a county workbook or a roster', async () => {
    const inbox = path.join(dir, '退回的反馈');
    mkdirSync(inbox, { recursive: true });
    // the unit writes its 整改情况 in Excel, as the feedback asks, and sends the workbook back
    const fb = await load(path.join(feedback, '营盘镇人民政府_反馈意见.xlsx'));
    const ws = fb.getWorksheet('反馈意见')!;
    let head = 0;
    ws.eachRow((row, i) => row.getCell(1).value === '序号' && (head = i));
    ws.getRow(head + 1).getCell(11).value = '已补足培训学时';
    await fb.xlsx.writeFile(path.join(inbox, '营盘镇.xlsx'));
    copyFileSync(path.join(round1, '营盘镇.xlsx'), path.join(inbox, '营盘镇摸排统计表.xlsx'));
    const r = await cli('merge', inbox, '--out', path.join(dir, '县汇总-退回.xlsx'), '--date', '2024-06-10');
    expect(r.err).toContain('「营盘镇.xlsx」是营盘镇人民政府退回的反馈意见工作簿，整改情况已填写 1/1 项，请人工查阅；它不是摸排统计表，不计入汇总。');
    expect(r.err).toContain('已跳过 1 个本工具自己生成的文件（县汇总工作簿、反馈意见工作簿或校验副本）：营盘镇.xlsx');
    expect(r.out).toContain('汇总 1 个文件');
  });
});

describe('round 2 against round 1: 整改情况', () => {
  let r: Awaited<ReturnType<typeof cli>>;
  let rows: Map<string, unknown[]>;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    r = await cli('merge', round2, '--out', county2, '--expected', expected, '--previous', county1, '--date', '2024-06-30');
    const wb = await load(county2);
    ws = wb.getWorksheet('整改情况')!;
    rows = new Map();
    // the unit rows come first; the people's rows below also start with the unit
    ws.eachRow((row) => !rows.has(String(row.getCell(1).value)) && rows.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1)));
    expect(wb.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['汇总', '报送情况', '整改情况']);
  });

  it('per unit: last round\'s 红/黄 → this round\'s, 已整改 / 仍存在 / 新增, 整改率, who left', () => {
    // 单位 上轮红 上轮黄 本轮红 本轮黄 已整改 仍存在 新增 整改率 离开名单 新加入
    expect(rows.get(CG)!.slice(0, 11)).toEqual([CG, 3, 1, 2, 2, 1, 2, 2, '33.3%', 1, 1]);
    expect(rows.get(SC)!.slice(0, 11)).toEqual([SC, 2, 0, 1, 0, 1, 1, 0, '50.0%', 0, 0]);
    expect(rows.get(YP)!.slice(0, 11)).toEqual([YP, 0, 1, '—', '—', 0, 0, 0, '—', 0, 0]);
    expect(rows.get(YP)![11]).toBe('本轮未报送');
    expect(rows.get('合计')!.slice(0, 11)).toEqual(['合计', 5, 2, 3, 2, 2, 3, 2, '40.0%', 1, 1]);
    expect(r.out).toContain('已整改 2 项、仍存在 3 项、新增 2 项，整改率 40.0%；离开名单 1 人');
  });

  it('per person: each finding fixed, remaining or new; the person who left called out', () => {
    const person = (name: string) => {
      let found: unknown[] | undefined;
      ws.eachRow((row) => {
        if (row.getCell(2).value === name) found = (row.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(person('甲一')!.slice(3, 8)).toEqual(['红', '绿', 'P01', undefined, undefined]);
    expect(person('乙二')!.slice(3, 8)).toEqual(['黄', '黄', undefined, 'P10', undefined]);
    expect(person('丙三')!.slice(3, 8)).toEqual(['绿', '红', undefined, undefined, 'P05']);
    expect(person('癸十')!.slice(3, 8)).toEqual(['—', '黄', undefined, undefined, 'P10']);
    expect(person('丁四')![4]).toBe('—');
    expect(String(person('丁四')![11])).toContain('离开名单');
    expect(person('庚七')).toBeUndefined();
  });

  it('says the report came late: 报送情况 in round 2', async () => {
    const sub = (await load(county2)).getWorksheet('报送情况')!;
    const rowOf = new Map<string, unknown[]>();
    sub.eachRow((row, i) => i > 1 && rowOf.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1)));
    expect(rowOf.get('县市场监管局')!.slice(7, 9)).toEqual(['2024-07-28', '逾期']);
    expect(rowOf.get('城关镇')!.slice(3, 5)).toEqual(['2024-06-28', '逾期']);
  });

  it('a --previous that is not a county workbook: said in Chinese, the merge goes on without 整改情况, exit 2', async () => {
    const out = path.join(dir, '县汇总-坏.xlsx');
    const bad = await cli('merge', round2, '--out', out, '--previous', path.join(round2, '县市场监管局摸排统计表.xlsx'), '--date', '2024-06-30');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('没有上一轮的对比数据');
    expect((await load(out)).getWorksheet('整改情况')).toBeUndefined();
  });
});

describe('pure parts', () => {
  it('SHA-256 gives the standard\'s test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(sha256Hex('a'.repeat(1000))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
    // and Node's own, on texts of every length around the block size, Chinese and astral characters included
    for (const t of ['柞水县司法局|611026199001011234', '𠀀'.repeat(17), ...Array.from({ length: 70 }, (_, i) => '证'.repeat(i))]) {
      expect(sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
    }
  });

  it('a profile sets the campaign\'s deadlines and contact; a bad date is said in Chinese', () => {
    const r = parseProfile('{"campaign":{"rosterDue":"2025-06-10","contact":"联系人：某某"}}');
    expect('profile' in r && campaignOf(r.profile)).toMatchObject({ rosterDue: '2025-06-10', reportDue: '2024-07-25', contact: '联系人：某某' });
    const bad = parseProfile('{"campaign":{"reportDue":"7月25日"}}');
    expect('errors' in bad && bad.errors).toEqual(['campaign.reportDue：日期应写成 YYYY-MM-DD，例如 2024-06-05']);
    // a profile without a campaign is as before
    expect('profile' in parseProfile('{}') && (parseProfile('{}') as { profile: object }).profile).not.toHaveProperty('campaign');
  });

  it('matches units across the forms, reports ambiguity', () => {
    const keys = ['城关镇', '县市场监管局', '营盘镇', '县市场监管局稽查大队'].map(unitKey);
    expect(matchUnit('（盖章）：城关镇人民政府', keys)).toEqual({ unit: 0 });
    expect(matchUnit('柞水县市场监督管理局', keys)).toEqual({ unit: 1 });
    expect(matchUnit('县市场监管局稽查大队培训计划', keys)).toEqual({ unit: 3 });
    expect(matchUnit('城关镇营盘镇联合', keys)).toEqual({ ambiguous: [0, 2] });
    expect(matchUnit('红岩寺镇', keys)).toBeNull();
  });

  it('deadlineLine: nothing early, a line close to and after 6月5日, then the report\'s deadline, nothing after the campaign', () => {
    const line = (iso: string) => deadlineLine(dayFromIso(iso)!, DEFAULT_PROFILE)?.zh ?? null;
    expect(line('2024-05-20')).toBeNull();
    expect(line('2024-05-28')).toBeNull();
    expect(line('2024-05-29')).toContain('还有 7 天');
    expect(line('2024-06-01')).toBe('距报送截止还有 4 天：摸排统计表和年度学习培训计划须于 6月5日前报送柞水县司法局。');
    expect(line('2024-06-05')).toContain('今天（6月5日）');
    expect(line('2024-06-12')).toContain('已过 7 天');
    expect(line('2024-07-20')).toContain('距自查自纠工作报告报送截止还有 5 天');
    expect(line('2024-07-27')).toContain('已过 2 天');
    expect(line('2024-08-10')).toBeNull();
    expect(deadlineLine(dayFromIso('2024-06-12')!, { campaign: { rosterDue: '2024-06-15' } })?.zh).toContain('还有 3 天');
    expect(deadlineLine(dayFromIso('2024-06-12')!, DEFAULT_PROFILE)?.en).toContain('due on June 5');
  });
});

function sheetText(ws: ExcelJS.Worksheet): string {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
  return out.join('\n');
}
