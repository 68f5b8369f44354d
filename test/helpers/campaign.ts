import { CellValue, Day, makeId, serialFromDay, ymdFromDay } from '../../src/core';
import { BookSpec } from '../../src/sample/book';
import { canonicalSheet } from '../../src/sample/template';

/** Small units for the campaign's tests: people with valid IDs, a problem where a test puts one. */
export type Row = Record<string, CellValue>;

export function birth(on: Day, age: number): string {
  const [y, m, d] = ymdFromDay(on - 40);
  return `${y - age}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

export function person(on: Day, unit: string, name: string, seq: number, over: Row = {}): Row {
  return {
    unit, agency: unit, name, gender: '男', idNumber: makeId('611026', birth(on, 30 + (seq % 20)), String(100 + seq * 2 + 1).slice(-3)),
    staffCategory: '行政编制', position: '科员', onEnforcementPost: '是', employmentStatus: '在岗',
    certNumber: `61102${String(600000 + seq * 37).padStart(6, '0')}`, certVersion: '新版', enforcementField: '综合',
    issueDate: serialFromDay(on - 700), expiryDate: serialFromDay(on + 1100), certStatus: '正常',
    annualTrainingHours: 64, hasLegalQualification: '否', annualReview: '通过', sanction: '无',
    ...over,
  };
}

export function unitBook(unit: string, people: Row[], unitLine = unit): BookSpec {
  const rows = people.map((p, i) => ({ seq: i + 1, ...p }));
  const sheet = canonicalSheet('person', unitLine, rows);
  const agency = canonicalSheet('agency', unitLine, [{ seq: 1, unit, agencyName: unit, agencyType: '行政机关', legalBasis: '《中华人民共和国行政处罚法》等', basisCurrent: '是', matchesMandate: '是', establishment: 30, enforcementPosts: 20 }]);
  return { sheets: [sheet, agency] };
}
