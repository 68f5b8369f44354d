import { dayFromIso, serialFromDay } from '../../src/core/dates';
import { checkWorkbook, CheckResult } from '../../src/core/engine';
import { PERSON_FIELDS, AGENCY_FIELDS } from '../../src/core/fields';
import { makeId } from '../../src/core/idnumber';
import { DEFAULT_PROFILE, Profile } from '../../src/core/profile';
import { CellValue, WorkbookGrid } from '../../src/core/types';

export const CHECK_DATE = dayFromIso('2024-06-05')!;
export type Row = Record<string, CellValue>;

/** An Excel serial for a date given as days from the check date. */
export const day = (offset: number) => serialFromDay(CHECK_DATE + offset);

export const AGENCY = '柞水县城市管理执法局';

let seq = 0;
/** A person who is 绿: established, on duty, valid new certificate, full training. */
export function holder(over: Row = {}): Row {
  seq++;
  return {
    unit: '柞水县城市管理局', agency: AGENCY, name: `测试${seq}`, gender: '男',
    idNumber: makeId('611026', '19800101', String(101 + (seq % 400) * 2).padStart(3, '0').slice(-3)),
    staffCategory: '行政编制', onEnforcementPost: '是', employmentStatus: '在岗',
    certNumber: `TEST${100000 + seq}`, certVersion: '新版', issueDate: day(-365), expiryDate: day(1000), certStatus: '正常',
    annualTrainingHours: 60, annualReview: '通过', sanction: '无',
    ...over,
  };
}

export function body(over: Row = {}): Row {
  return {
    unit: '柞水县城市管理局', agencyName: AGENCY, agencyType: '行政机关', legalBasis: '《城市管理执法办法》',
    basisCurrent: '是', matchesMandate: '是', establishment: 20, enforcementPosts: 20, ...over,
  };
}

/** A workbook in the canonical layout: header on row 1, people from row 2 (row n+2 for people[n]). */
export function workbook(people: Row[], agencies: Row[] | null = [body()]): WorkbookGrid {
  const sheet = (name: string, fields: typeof PERSON_FIELDS, rows: Row[]) => ({
    name,
    rows: [fields.map((f) => f.header as CellValue), ...rows.map((r) => fields.map((f) => (f.key in r ? r[f.key] : null)))],
  });
  const sheets = [sheet('执法人员', PERSON_FIELDS, people)];
  if (agencies) sheets.push(sheet('执法主体', AGENCY_FIELDS, agencies));
  return { file: 'test.xlsx', sheets };
}

export function check(people: Row[], agencies: Row[] | null = [body()], profile: Profile = DEFAULT_PROFILE): CheckResult {
  return checkWorkbook(workbook(people, agencies), { checkDate: CHECK_DATE, profile });
}
