import { jsonReport } from '../src/core/contract';
import { checkWorkbook } from '../src/core/engine';
import { LEDGER_FIELDS, TRAINING_FIELDS } from '../src/core/fields';
import { planForCheck } from '../src/core/plan';
import { DEFAULT_PROFILE, mergeProfile, parseProfile } from '../src/core/profile';
import { locateTables } from '../src/core/reader';
import { summarize } from '../src/core/summary';
import { upcoming } from '../src/core/upcoming';
import { CellValue } from '../src/core/types';
import { templateBook } from '../src/sample/template';
import { CHECK_DATE, check, day, holder, workbook } from './helpers/grid';
import { checkWithRecords, course, event } from './helpers/ledger';

const strip = (fs: { rule: string; sheet: string; cell: string; message: string }[]) => fs.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);

describe('the optional sheets 证件台账 and 培训记录', () => {
  const people = [
    holder({ annualTrainingHours: 40 }),
    holder({ employmentStatus: '调离', departureDate: day(-90), certStatus: '已注销', onEnforcementPost: '否' }),
    holder({ certStatus: '挂失' }),
  ];

  it('a workbook without them, or with them empty (the template\'s), is checked as before', () => {
    const plain = check(people);
    expect(plain.findings.length).toBeGreaterThan(0);
    const empty = checkWithRecords(people, [], []);
    expect(strip(empty.findings)).toEqual(strip(plain.findings));
    expect(empty.people.map((p) => [p.colour, p.rules])).toEqual(plain.people.map((p) => [p.colour, p.rules]));
    expect(empty.ledgerTable?.sheet).toBe('证件台账');
    expect(empty.trainingTable?.sheet).toBe('培训记录');
    expect(plain.ledgerTable).toBeNull();
  });

  it('are found by their headers, synonyms and value variants included, and never taken for a roster', () => {
    const p = people[0];
    const wb = workbook([p]);
    wb.sheets.push({ name: 'Sheet3', rows: [
      ['行政执法证件动态管理台账'],
      ['序号', '办理日期', '持证人', '身份证号', '证件编号', '办理事项', '经手人', '批准文号'],
      [1, '2023年6月1日', p.name, p.idNumber, p.certNumber, '领证', '王敏', '柞司证〔2023〕1号'],
      [2, '2024.5.20', p.name, p.idNumber, p.certNumber, '丢失', '王敏', null],
      [3, '2024-05-21', p.name, p.idNumber, p.certNumber, '作废', '王敏', null],
    ] as CellValue[][] });
    wb.sheets.push({ name: 'Sheet4', rows: [
      ['参训人员', '公民身份号码', '培训课程', '培训类别', '课时', '学习形式', '主办单位', '学习日期'],
      [p.name, p.idNumber, '民法典讲座', '民法典', '8学时', '线上', '县司法局', '2024-03-01'],
    ] as CellValue[][] });
    const located = locateTables(wb);
    expect(located.persons.map((t) => t.sheet)).toEqual(['执法人员']);
    expect(located.ledger?.sheet).toBe('Sheet3');
    expect(located.training?.sheet).toBe('Sheet4');
    const r = checkWorkbook(wb, { checkDate: CHECK_DATE });
    // 丢失 reads as 挂失: the roster's 正常 disagrees (L01); 作废 is not an event (D07, with a suggestion)
    expect(strip(r.findings.filter((f) => f.sheet !== '执法人员' && f.sheet !== '执法主体'))).toEqual([
      'L01 Sheet3!F4 台账最后一项为2024-05-20「挂失」，证件应为「挂失」，但「执法人员」第2行的证件状态为「正常」。',
      expect.stringMatching(/^D07 Sheet3!F5 「事项」的值「作废」不在可选范围内/),
      // and the year's only course does not count: no holder could reach 60 hours (L07, on the header of 培训名称)
      'L07 Sheet4!C1 培训记录中2024年计入学时的课程共0门、合计0学时，少于每名持证人员每年应完成的60学时，即使全部参加也无法完成。',
    ]);
    // 8 hours of 民法 only: the records name the person, so P10 goes by them (0 counted), not by the typed 60
    expect(strip(r.findings.filter((f) => f.rule === 'P10'))).toEqual([
      'P10 执法人员!U2 据培训记录，2024年计入执法业务学习培训0学时（民法等8学时不计入，通知三.4），不足60学时。',
    ]);
  });

  it('a finding on the ledger colours its person, and stands in the person\'s 问题说明 beside the roster\'s own', () => {
    const gone = people[1];
    const r = checkWithRecords(people, [event(gone, '发放', day(-900)), event(gone, '注销', day(-80))], []);
    const l02 = r.findings.find((f) => f.rule === 'L02')!;
    expect([l02.sheet, l02.cell, l02.colour, l02.name]).toEqual(['证件台账', 'F3', 'red', gone.name]);
    const verdict = r.people.find((p) => p.name === gone.name)!;
    expect([verdict.colour, verdict.rules]).toEqual(['red', ['L02']]);
    const plan = planForCheck(workbook(people), r, { generatedAt: 'now', summary: summarize(r, 'agency'), summaryBy: 'agency' });
    const row = plan.columns[0].rows.find((x) => x.row === verdict.row)!;
    expect(row.values[0]).toBe('红');
    expect(row.values[1]).toContain('L02 ');
    expect(row.values[1]).toContain('已超过离岗后30天的期限');
    // the ledger cell is marked like any other finding, with its note
    expect(plan.marks.find((m) => m.sheet === '证件台账' && m.row === 3)?.note).toContain('[L02]');
    // and the JSON contract lists it with its sheet and cell
    const j = jsonReport(CHECK_DATE, DEFAULT_PROFILE, [{ file: 'test.xlsx', unit: '', status: 'ok', message: '' }], [r], [], { byAgency: false });
    expect(j.findings.find((f) => f.rule === 'L02')).toMatchObject({ sheet: '证件台账', cell: 'F3', row: 3, column: '事项', colour: 'red', level: 'error' });
    expect(j.people.find((p) => p.name === gone.name)?.rules).toEqual(['L02']);
  });

  it('P10 goes by the records: 民法 and 刑事法 left out, the legal qualification named; D14 names both numbers and the hours beyond', () => {
    const a = holder({ annualTrainingHours: 60, hasLegalQualification: '是' });
    const b = holder({ annualTrainingHours: 60 });
    const r = checkWithRecords([a, b], null, [
      course(a, 40, day(-30)), course(a, 20, day(-20), { category: '刑事法' }),
      course(b, 50, day(-30)), course(b, 30, day(-20), { category: '法律通识' }),
    ]);
    expect(strip(r.findings)).toEqual([
      'D14 执法人员!U2 填报年度培训60学时，培训记录中2024年计入的为40学时（另有刑事法20学时不计入），两者不一致。',
      'P10 执法人员!U2 据培训记录，2024年计入执法业务学习培训40学时（刑事法等20学时不计入，通知三.4），不足60学时。已取得法律职业资格，可免于参加证件考试，但年度学习培训学时不因此免除。',
      'D14 执法人员!U3 填报年度培训60学时，培训记录中2024年计入的为80学时，两者不一致。超出60学时的20学时可按规定折算成绩。',
    ]);
  });

  it('the excluded categories are a profile option of P10, checked against the list', () => {
    const b = holder({ annualTrainingHours: 80 });
    const training = [course(b, 50, day(-30)), course(b, 30, day(-20), { category: '法律通识' })];
    expect(checkWithRecords([b], null, training).findings).toEqual([]);
    const r = parseProfile(JSON.stringify({ rules: { P10: { options: { excludedCategories: ['民法', '刑事法', '法律通识'] } } } }));
    if (!('profile' in r)) throw new Error(r.errors.join());
    expect(strip(checkWithRecords([b], null, training, r.profile).findings).map((s) => s.slice(0, 3))).toEqual(['D14', 'P10', 'L07']);
    const bad = parseProfile(JSON.stringify({ rules: { P10: { options: { excludedCategories: ['刑法学'] } }, L02: { options: { days: -1, weeks: 2 } } } }));
    expect('errors' in bad).toBe(true);
    const text = 'errors' in bad ? bad.errors.join('\n') : '';
    expect(text).toContain('rules.P10.options.excludedCategories.0');
    expect(text).toContain('rules.L02.options.days');
    expect(text).toContain('rules.L02.options.weeks：规则 L02 没有此选项（可用：days）');
  });

  it('an option laid over another keeps the options it does not name', () => {
    const one = mergeProfile(DEFAULT_PROFILE, { rules: { L02: { options: { days: 60 } } } });
    const two = mergeProfile(one, { rules: { L02: { colour: 'yellow' } } });
    expect(two.rules.L02).toEqual({ options: { days: 60 }, colour: 'yellow' });
  });

  it('the ledger\'s own data are checked like the roster\'s: required fields, dates, lists, hours', () => {
    const p = holder();
    const r = checkWithRecords([p], [
      event(p, '发放', day(-300)),
      event(p, '年审', 'not a date'),
      event(p, '挂失', day(-10), { certNumber: null }),
      { ...event(p, '挂失', day(-5)), name: null },
    ], [course(p, -2, day(-30))]);
    expect(r.findings.filter((f) => f.sheet !== '执法人员').map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'D05 证件台账!B3', 'D01 证件台账!E4', 'D01 证件台账!C5', 'L01 证件台账!F5', 'L07 培训记录!E1', 'D11 培训记录!G2',
    ]);
  });

  it('the template carries both sheets, with drop-downs for 事项, 培训内容类别 and 形式', () => {
    const sheets = templateBook().sheets;
    expect(sheets.map((s) => s.name)).toEqual(['执法人员', '执法主体', '证件台账', '培训记录']);
    const ledger = sheets[2];
    const training = sheets[3];
    expect(ledger.rows[2]).toEqual(LEDGER_FIELDS.map((f) => f.header));
    expect(training.rows[2]).toEqual(TRAINING_FIELDS.map((f) => f.header));
    expect(ledger.lists?.[LEDGER_FIELDS.findIndex((f) => f.key === 'event') + 1]).toEqual(['申领', '发放', '更换', '挂失', '补办', '暂扣', '恢复', '注销', '收回', '年审']);
    expect(training.lists?.[TRAINING_FIELDS.findIndex((f) => f.key === 'category') + 1]).toEqual(['行政执法业务', '法律通识', '民法', '刑事法', '其他']);
    expect(training.lists?.[TRAINING_FIELDS.findIndex((f) => f.key === 'mode') + 1]).toEqual(['集体学习', '个人自学', '网络培训']);
    expect(ledger.textCols).toEqual([LEDGER_FIELDS.findIndex((f) => f.key === 'idNumber') + 1, LEDGER_FIELDS.findIndex((f) => f.key === 'certNumber') + 1]);
    // a template filled in only on its first sheets is checked as a workbook without the optional ones
    const grid = { file: 't.xlsx', sheets: sheets.map((s) => ({ name: s.name, rows: s.rows as CellValue[][] })) };
    expect(locateTables(grid).ledger?.sheet).toBe('证件台账');
    expect(checkWorkbook(grid, { checkDate: CHECK_DATE }).findings.filter((f) => f.sheet === '证件台账' || f.sheet === '培训记录')).toEqual([]);
  });

  it('ledger rows of someone not on the roster colour no one', () => {
    const r = checkWithRecords([holder()], [event(holder(), '挂失', day(-10))], null);
    expect(strip(r.findings).map((x) => x.slice(0, 3))).toEqual(['L03']);
    expect(r.people.map((p) => p.colour)).toEqual(['green']);
  });
});

describe('到期提醒 with a ledger', () => {
  it('names the day a departed holder\'s recovery falls overdue (L02 黄→红), with the ledger\'s finding', () => {
    const p = holder({ employmentStatus: '退休', departureDate: day(-10), certStatus: '已注销', onEnforcementPost: '否' });
    const wb = workbook([p]);
    const row = (e: Record<string, CellValue>) => LEDGER_FIELDS.map((f) => e[f.key] ?? null);
    wb.sheets.push({ name: '证件台账', rows: [LEDGER_FIELDS.map((f) => f.header), row(event(p, '发放', day(-900))), row(event(p, '注销', day(-5)))] });
    const u = upcoming(wb, { checkDate: CHECK_DATE, days: 60 });
    expect(u.today.people.map((x) => x.colour)).toEqual(['yellow']);
    const item = u.items.find((i) => i.name === p.name)!;
    // due 30 days after leaving (day 20): red from day 21
    expect(item.changes.map((c) => [c.after, c.from, c.to, c.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.messageId}`)])).toEqual([
      [21, 'yellow', 'red', ['L02 证件台账!F3 overdue']],
    ]);
  });
});
