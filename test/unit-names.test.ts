import { consolidate, DEFAULT_PROFILE, FileCheck, locateTables, unitKey } from '../src/core';

/** Issue 12.3: one unit however it is written — on the form, in a file name, in the county's list. */
describe('unit names', () => {
  it('reads 填报单位（盖章）：城关镇人民政府 as 城关镇人民政府, in each way a form writes it', () => {
    for (const line of [['填报单位（盖章）：城关镇人民政府'], ['填报单位(盖章):城关镇人民政府'], ['填报单位（盖章）', '城关镇人民政府（盖章）'], ['填报单位：', ' 城关镇人民政府 '], ['单位名称（公章）： 城关镇人民政府    填报日期：2024年6月1日']]) {
      const grid = { file: 'x.xlsx', sheets: [{ name: '执法人员', rows: [['行政执法人员摸排统计表'], line, ['序号', '姓名', '身份证号码', '执法主体', '执法证号']] }] };
      expect(locateTables(grid).person?.reportingUnit).toBe('城关镇人民政府');
    }
  });

  it('takes 城关镇 and 城关镇人民政府, 县市场监管局 and 柞水县市场监督管理局 as one unit, and not 城关镇 and 营盘镇', () => {
    expect(unitKey('城关镇')).toBe(unitKey('城关镇人民政府（盖章）'));
    expect(unitKey('县市场监管局')).toBe(unitKey('柞水县市场监督管理局'));
    expect(unitKey(' 城关镇 ')).toBe(unitKey('城关镇：'));
    expect(unitKey('城关镇')).not.toBe(unitKey('营盘镇'));
    expect(unitKey('县公安局')).not.toBe(unitKey('县市场监管局'));
  });

  const sent = (file: string, unit: string): FileCheck => ({
    file, status: 'ok', message: '',
    result: { file, status: 'ok', message: '', unit, checkDate: 0, profile: DEFAULT_PROFILE, personTable: null, personTables: [], agencyTable: null, people: [], agencies: [], findings: [], notices: [] },
  });

  it('matches --expected across the forms, and reports a list that names one unit twice instead of guessing', () => {
    const files = [sent('a.xlsx', '城关镇人民政府'), sent('b.xlsx', '柞水县市场监督管理局'), { file: '营盘镇人民政府.et', status: 'unreadable' as const, message: '' }];
    const m = consolidate(files, DEFAULT_PROFILE, ['城关镇', '县市场监管局', '营盘镇', '凤凰镇', '凤凰镇人民政府']);
    expect(m.submissions.map((s) => `${s.unit}:${s.status}:${s.files.join()}`)).toEqual([
      '城关镇:合格:a.xlsx', '县市场监管局:合格:b.xlsx', '营盘镇:已报送（格式不符）:营盘镇人民政府.et', '凤凰镇:有问题:', '凤凰镇人民政府:有问题:',
    ]);
    expect(m.submissions[3].note).toContain('是同一单位的不同写法');
  });
});
