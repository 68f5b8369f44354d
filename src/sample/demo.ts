import { CellValue, Day, isoFromDay, makeId, serialFromDay, ymdFromDay } from '../core';
import { BookSpec, SheetSpec } from './book';
import { canonicalSheet } from './template';

/**
 * Three units' 摸排统计表 with problems of every kind, synthetic people and valid ID numbers.
 * Dates are set relative to the check date, so the sample reads the same whenever it is run.
 */
type Row = Record<string, CellValue>;

const REGION = '611026'; // 柞水县

export interface DemoUnit {
  file: string;
  unit: string;
  book: BookSpec;
}

class Dates {
  constructor(readonly on: Day) {}
  serial(offsetDays: number): number {
    return serialFromDay(this.on + offsetDays);
  }
  iso(offsetDays: number): string {
    return isoFromDay(this.on + offsetDays);
  }
  /** a birth date giving this age on the check date */
  birth(age: number, extraDays = 40): string {
    const [y, m, d] = ymdFromDay(this.on - extraDays);
    return `${y - age}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  }
}

function person(t: Dates, unit: string, agency: string, name: string, gender: '男' | '女', age: number, seq: number, over: Row = {}): Row {
  const seq3 = String(100 + seq * 2 + (gender === '男' ? 1 : 0)).slice(-3);
  return {
    unit, agency, name, gender,
    idNumber: makeId(REGION, t.birth(age), seq3),
    staffCategory: '行政编制', position: '科员', onEnforcementPost: '是', employmentStatus: '在岗',
    certNumber: `61102${String(600000 + seq * 37).padStart(6, '0')}`, certVersion: '新版', enforcementField: '综合',
    issueDate: t.serial(-700), expiryDate: t.serial(1100), certStatus: '正常',
    annualTrainingHours: 64, hasLegalQualification: '否', annualReview: '通过', sanction: '无',
    ...over,
  };
}

function agency(unit: string, agencyName: string, agencyType: string, over: Row = {}): Row {
  return {
    unit, agencyName, agencyType, legalBasis: '《中华人民共和国行政处罚法》等', basisCurrent: '是', matchesMandate: '是',
    establishment: 10, enforcementPosts: 8, ...over,
  };
}

function seqd(rows: Row[]): Row[] {
  return rows.map((r, i) => ({ seq: i + 1, ...r }));
}

function qianyou(t: Dates): DemoUnit {
  const U = '乾佑街道办事处';
  const A = '乾佑街道办事处';
  const Z = '乾佑街道综合行政执法队';
  const people = seqd([
    person(t, U, A, '张伟', '男', 42, 1),
    person(t, U, A, '王芳', '女', 35, 2, { staffCategory: '参公事业编制' }),
    person(t, U, Z, '李强', '男', 29, 3, { staffCategory: '劳务派遣', position: '协管员' }),
    person(t, U, A, '刘洋', '男', 61, 4, { employmentStatus: '退休', departureDate: t.serial(-120), onEnforcementPost: '否' }),
    person(t, U, Z, '陈静', '女', 44, 5, { certVersion: '旧版', certNumber: '陕执字0012345' }),
    person(t, U, Z, '杨磊', '男', 38, 6, { issueDate: t.serial(-2000), expiryDate: t.serial(-30) }),
    person(t, U, A, '赵敏', '女', 31, 7, { annualTrainingHours: 40 }),
    person(t, U, A, '黄涛', '男', 47, 8, { expiryDate: t.serial(30) }),
    person(t, U, Z, '周杰', '男', 33, 9, { certStatus: '挂失' }),
    { ...person(t, U, A, '吴刚', '男', 39, 10), idNumber: makeId(REGION, t.birth(39), '021').slice(0, 17) + '0' },
    person(t, U, A, '徐丽', '男', 36, 11, { gender: '女' }),
    person(t, U, A, '孙浩', '男', 45, 12, { employmentStatus: '调离', departureDate: t.serial(-300), certStatus: '已注销', onEnforcementPost: '否' }),
    person(t, U, A, '马超', '男', 30, 13, { staffCategory: '事业编制' }),
    person(t, U, Z, '朱琳', '女', 40, 14, { annualReview: '未通过' }),
    person(t, U, A, '胡军', '男', 60, 15),
    person(t, U, A, '郭鹏', '男', 37, 16, { onEnforcementPost: '否', position: '办公室文员' }),
    person(t, U, Z, '林峰', '男', 41, 17, { sanction: '正在接受审查' }),
    person(t, U, Z, '何勇', '男', 50, 18, { sanction: '受党纪政纪处分' }),
    person(t, U, A, '高 洁', '女', 28, 19),
    person(t, U, Z, '罗斌', '男', 34, 20, { certStatus: '申领中', certNumber: null, certVersion: null, issueDate: null, expiryDate: null }),
  ]);
  const agencies = seqd([
    agency(U, A, '行政机关', { establishment: 30, enforcementPosts: 20 }),
    agency(U, Z, '综合行政执法机构', { authorisationBasis: '陕西省人民政府关于赋予镇街行政执法权的决定', establishment: 12, enforcementPosts: 10 }),
  ]);
  return { file: '乾佑街道办事处_摸排统计表.xlsx', unit: U, book: { sheets: [canonicalSheet('person', U, people), canonicalSheet('agency', U, agencies)] } };
}

/** A messy real-world layout: other sheet names, a two-row merged header, synonyms, text dates, √/×. */
function yingpan(t: Dates): DemoUnit {
  const U = '营盘镇人民政府';
  const A = '营盘镇人民政府';
  const dateForms = (off: number, form: number): CellValue => {
    const [yy, mm, dd] = ymdFromDay(t.on + off);
    return [`${yy}.${mm}.${dd}`, `${yy}/${mm}/${dd}`, `${yy}年${mm}月${dd}日`, `${yy}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}`, t.iso(off)][form % 5];
  };
  const header1 = ['序号', '基本情况', null, null, '身份类别', '所属单位（必填）', '执法\n单位', '人员状态', '是否在执法岗位', '证件情况', null, null, null, '持证状态', '本年度培训学时', '调入日期', '新领域培训学时', '换证审核', '年审情况', '违纪违法情况', '联系电话', '备注'];
  const header2 = [null, '姓名', '性别', '公民身份号码', null, null, null, null, null, '证件编号', '证件类型', '发证时间', '有效期', null, null, null, null, null, null, null, null, null];
  const id = (age: number, seq: string, g: '男' | '女') => makeId(REGION, t.birth(age), seq.slice(0, 2) + (g === '男' ? '1' : '2'));
  let n = 0;
  const row = (name: string, g: '男' | '女', age: number, over: Record<number, CellValue> = {}): CellValue[] => {
    n++;
    const base: CellValue[] = [n, name, g, id(age, String(30 + n), g), '行政编制', U, A, '在岗', '√', `61102${700100 + n}`, '新版',
      dateForms(-800 - n, n), dateForms(900 + n, n + 1), '正常', '６０', null, null, null, '通过', '无', `1390914${7100 + n}`, null];
    for (const [k, v] of Object.entries(over)) base[Number(k)] = v;
    return base;
  };
  const rows: CellValue[][] = [
    ['行政执法证件专项清理工作摸排统计表'],
    [`填报单位：${U}　　填报日期：${t.iso(-2)}`],
    header1,
    header2,
    row('冯刚', '男', 45),
    row('邓丽', '女', 38, { 4: '合同工', 8: '√' }),
    row('许明', '男', 52, { 3: 610126198001011234 }),
    row('韩雪', '女', 33, { 11: '2021-13-01' }),
    row('曹阳', '男', 41, { 12: { error: '#N/A' } }),
    [],
    row('彭博', '男', 36, { 8: '×' }),
    row('曾亮', '男', 39, { 4: '在编' }),
    row('董洁', '女', 30, { 13: '暂扣' }),
    row('袁野', '男', 44, { 15: dateForms(-200, 0), 16: 10, 17: '否' }),
    row('蒋涛', '男', 48, { 14: '900' }),
    row('沈冰', '女', 35, { 3: '611026' + t.birth(35).slice(2) + '022' }),
    row('潘石', '男', 43, { 11: dateForms(100, 4), 12: dateForms(50, 4) }),
    row('范伟', '男', 37, { 7: '在岗', 21: '曾借调' }),
    row('冯刚', '男', 45, { 9: '61102700199' }),
    row('石磊', '男', 32, { 6: '营盘镇综合执法办' }),
    row('', '男', 29, { 3: null }),
  ];
  // 冯刚 appears twice (D08); 冯刚's second row reuses his ID. 范伟's certificate number repeats 冯刚's (D09).
  rows[rows.length - 3][3] = rows[4][3];
  rows[rows.length - 4][9] = rows[4][9];
  rows.push([], ['填表人：王小平　　审核人：李国庆　　联系电话：0914-4321000']);
  const people: SheetSpec = {
    name: '人员', rows,
    merges: ['A1:V1', 'A2:V2', 'B3:D3', 'J3:M3', ...[1, 5, 6, 7, 8, 9, 14, 15, 16, 17, 18, 19, 20, 21, 22].map((c) => {
      const L = String.fromCharCode(64 + c);
      return `${L}3:${L}4`;
    })],
    widths: [6, 8, 6, 21, 10, 16, 16, 8, 8, 14, 8, 12, 12, 8, 8, 12, 8, 8, 8, 10, 14, 10],
    textCols: [4, 10], headerRows: [3, 4], firstDataRow: 5, freezeRows: 4,
  };
  const agencies: SheetSpec = {
    name: '主体',
    rows: [
      ['执法主体情况'],
      ['序号', '所属单位', '执法主体名称', '主体类型', '执法依据', '依据现行有效', '与三定规定相符', '编制数', '执法岗位数', '备注'],
      [1, U, A, '行政机关', '《中华人民共和国土地管理法》等', 'Y', 'Y', 6, 5, null],
    ],
    merges: ['A1:J1'], widths: [6, 16, 22, 12, 30, 10, 12, 8, 10, 12], headerRows: [2], firstDataRow: 3,
  };
  return { file: '营盘镇_摸排统计表.xlsx', unit: U, book: { sheets: [people, agencies] } };
}

function market(t: Dates): DemoUnit {
  const U = '柞水县市场监督管理局';
  const S = '柞水县市场监督管理局';
  const W = '柞水县消费者权益保护中心';
  const J = '柞水县食品药品检验检测中心';
  const P = '柞水县价格监督检查所';
  const Z = '柞水县知识产权服务站';
  const people = seqd([
    person(t, U, S, '谢军', '男', 46, 41, { hasLegalQualification: '是' }),
    person(t, U, S, '唐娜', '女', 39, 42),
    person(t, U, S, '韦东', '男', 35, 43, { transferInDate: t.serial(-90), newFieldTrainingHours: 24, transferReviewed: '是' }),
    person(t, U, W, '宋佳', '女', 31, 44, { staffCategory: '事业编制' }),
    person(t, U, W, '梁晨', '男', 28, 45, { staffCategory: '执法辅助人员' }),
    person(t, U, J, '钱进', '男', 50, 46, { staffCategory: '事业编制' }),
    person(t, U, J, '白雪', '女', 54, 47, { staffCategory: '事业编制' }),
    person(t, U, P, '邱实', '男', 43, 48),
    person(t, U, Z, '秦岭', '男', 37, 49, { staffCategory: '事业编制' }),
    person(t, U, S, '卢燕', '女', 41, 50, { employmentStatus: '辞职', departureDate: t.serial(-60), certStatus: '已收回', onEnforcementPost: '否' }),
  ]);
  const agencies = seqd([
    agency(U, S, '行政机关', { establishment: 40, enforcementPosts: 30 }),
    agency(U, W, '受委托组织', {
      managesPublicAffairs: '否', entrustingAgency: S, entrustmentBasis: null, entrustmentStart: t.serial(-1500),
      entrustmentEnd: t.serial(-20), entrustmentPublicised: '否', entrustsCoercion: '是', establishment: 5, enforcementPosts: 1,
    }),
    agency(U, J, '法律法规授权组织', { legalBasis: null, authorisationBasis: null, establishment: 8, enforcementPosts: 4 }),
    agency(U, P, '行政机关', { basisCurrent: '否', matchesMandate: '否', establishment: 3, enforcementPosts: 2 }),
    agency(U, Z, '受委托组织', {
      managesPublicAffairs: '是', entrustingAgency: S, entrustmentBasis: '《专利行政执法办法》', entrustmentStart: t.serial(-600),
      entrustmentEnd: t.serial(45), entrustmentPublicised: '是', entrustsCoercion: '否', establishment: 3, enforcementPosts: 2,
    }),
  ]);
  const sheet = canonicalSheet('person', U, people);
  // A name held by a formula (its cached value is read) and a rich-text name.
  sheet.formulas = [{ row: 4, col: 4, formula: '"谢"&"军"', result: '谢军' }];
  const { ledger, training } = marketRecords(t, people);
  return {
    file: '柞水县市场监督管理局_摸排统计表.xlsx', unit: U,
    book: { sheets: [sheet, canonicalSheet('agency', U, agencies), canonicalSheet('ledger', U, ledger), canonicalSheet('training', U, training)] },
  };
}

/**
 * The market unit's 证件台账 and 培训记录 (docs/ledger.md), each seeded problem tripping one rule: 唐娜 suspended in
 * the ledger but 正常 in the roster (L01); 卢燕 resigned 60 days ago, recovered but never cancelled (L02 红);
 * 邱实's review recorded before his issue (L03); 钱进 replaced under his old number (L04); 韦东 transferred in and
 * reissued with 12 hours of enforcement training and no county review (L05); 白雪's review carries 钱进's number
 * (L06); the year's courses add up to 42 hours (L07); 谢军 and 韦东 typed 64 hours the records do not bear out
 * (D14), short once 刑事法 and 民法 are left out (P10; 谢军 holds the legal qualification).
 */
function marketRecords(t: Dates, people: Row[]): { ledger: Row[]; training: Row[] } {
  const who = (name: string) => people.find((p) => p.name === name)!;
  const ev = (name: string, event: string, off: number, over: Row = {}): Row => {
    const p = who(name);
    return { date: t.serial(off), name, idNumber: p.idNumber, certNumber: p.certNumber, event, handler: '陈晓', reference: null, ...over };
  };
  const ledger = seqd([
    ev('谢军', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('唐娜', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('宋佳', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('梁晨', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('钱进', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('白雪', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('秦岭', '发放', -700, { reference: '柞司证〔2022〕8号' }),
    ev('卢燕', '发放', -800, { reference: '柞司证〔2021〕15号' }),
    ev('邱实', '年审', -400, { reference: '2023年度年审通过' }),
    ev('邱实', '发放', -300, { reference: '柞司证〔2023〕4号' }),
    ev('白雪', '年审', -100, { certNumber: who('钱进').certNumber, reference: '2024年度年审通过' }),
    ev('卢燕', '收回', -50, { reference: '辞职，证件已收回' }),
    ev('钱进', '更换', -40, { reference: '证件破损换发' }),
    ev('韦东', '发放', -30, { reference: '调入换发' }),
    ev('唐娜', '暂扣', -20, { reference: '涉嫌违规执法，暂扣待查' }),
  ]);
  const course = (name: string, title: string, category: string, hours: number, off: number, mode = '集体学习'): Row => ({
    date: t.serial(off), name, idNumber: who(name).idNumber, course: title, category, hours, mode, organiser: '柞水县司法局',
  });
  const training = seqd([
    course('谢军', '行政处罚法专题培训', '行政执法业务', 16, -120),
    course('谢军', '市场监管执法实务', '行政执法业务', 14, -80, '网络培训'),
    course('韦东', '市场监管新领域执法业务培训', '行政执法业务', 12, -60),
    course('谢军', '刑事诉讼法专题', '刑事法', 30, -50, '个人自学'),
    course('韦东', '民法典专题讲座', '民法', 12, -45),
  ]);
  return { ledger, training };
}

export function demoUnits(checkDate: Day): DemoUnit[] {
  const t = new Dates(checkDate);
  return [qianyou(t), yingpan(t), market(t)];
}
