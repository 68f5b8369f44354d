import { checkWorkbook, CheckResult } from '../../src/core/engine';
import { LEDGER_FIELDS, TRAINING_FIELDS } from '../../src/core/fields';
import { DEFAULT_PROFILE, Profile } from '../../src/core/profile';
import { RULES } from '../../src/core/rules';
import { CellValue } from '../../src/core/types';
import { body, CHECK_DATE, Row, workbook } from './grid';

/** A roster (workbook of grid.ts) with a 证件台账 and a 培训记录 sheet after it: header on row 1, rows from row 2. */
export function checkWithRecords(people: Row[], ledger: Row[] | null, training: Row[] | null, profile: Profile = DEFAULT_PROFILE): CheckResult {
  const wb = workbook(people, [body()]);
  const sheet = (name: string, fields: typeof LEDGER_FIELDS, rows: Row[]) => ({
    name,
    rows: [fields.map((f) => f.header as CellValue), ...rows.map((r) => fields.map((f) => (f.key in r ? r[f.key] : null)))],
  });
  if (ledger) wb.sheets.push(sheet('证件台账', LEDGER_FIELDS, ledger));
  if (training) wb.sheets.push(sheet('培训记录', TRAINING_FIELDS, training));
  return checkWorkbook(wb, { checkDate: CHECK_DATE, profile });
}

/** A ledger event of a person row of grid.ts (its name, ID and certificate number). */
export function event(p: Row, event: string, date: CellValue, over: Row = {}): Row {
  return { date, name: p.name, idNumber: p.idNumber, certNumber: p.certNumber, event, handler: '王敏', ...over };
}

/** A training record of a person row of grid.ts. */
export function course(p: Row, hours: number, date: CellValue, over: Row = {}): Row {
  return { date, name: p.name, idNumber: p.idNumber, course: '行政处罚法专题培训', category: '行政执法业务', hours, mode: '集体学习', organiser: '柞水县司法局', ...over };
}

export interface RecordsCase {
  name: string;
  people: Row[];
  ledger?: Row[] | null;
  training?: Row[] | null;
  profile?: Profile;
}
export interface RecordsInvalid extends RecordsCase {
  errors: { messageId: string; sheet: string; row: number; column: string; colour: 'red' | 'yellow' | null; level?: string }[];
}

/**
 * RuleTester for the rules on 证件台账 and 培训记录: each invalid case names every finding of the rule, its
 * sheet, row, column and colour; one more or one fewer fails.
 */
export function recordsRuleTester(id: string, cases: { valid: RecordsCase[]; invalid: RecordsInvalid[] }): void {
  const rule = RULES.find((r) => r.meta.id === id);
  describe(`${id} ${rule?.meta.title.zh}`, () => {
    it('is a registered rule with zh and en texts and a source', () => {
      expect(rule).toBeDefined();
      expect(rule!.meta.source.zh).toMatch(/通知|填报|唯一/);
      for (const m of Object.values(rule!.meta.messages)) {
        expect(m.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(m.en).toMatch(/[a-z]/);
      }
    });
    const run = (c: RecordsCase) => checkWithRecords(c.people, c.ledger ?? null, c.training ?? null, c.profile);
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(run(c).findings.filter((f) => f.rule === id).map((f) => `${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const got = run(c).findings.filter((f) => f.rule === id);
        const actual = got.map((f, i) => ({
          messageId: f.messageId, sheet: f.sheet, row: f.row, column: f.column, colour: f.colour,
          ...(c.errors[i]?.level !== undefined ? { level: f.level } : {}),
        }));
        expect(actual).toEqual(c.errors);
        for (const f of got) expect(f.message).not.toMatch(/\{\w+\}/);
      });
    }
  });
}
