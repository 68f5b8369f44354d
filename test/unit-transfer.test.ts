import { checkWorkbook, DEFAULT_PROFILE } from '../src/core';
import { dayFromIso } from '../src/core/dates';
import { demoUnits } from '../src/sample/demo';
import { packCheck, unpackCheck } from '../src/xlsx/unit-transfer';
import { UnitCheck } from '../src/xlsx/unit-check';
import { WorkbookGrid } from '../src/core';

const checkDate = dayFromIso('2024-06-05')!;
const gridOfBook = (book: { sheets: { name: string; rows: unknown[][] }[] }): WorkbookGrid => ({ sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) } as WorkbookGrid);

describe('a unit\'s check as a worker posts it', () => {
  it('arrives as it was checked, in columns, each repeated text one string', () => {
    const unit = demoUnits(checkDate)[2];
    const make = (): UnitCheck => {
      const result = checkWorkbook(gridOfBook(unit.book), { checkDate, profile: DEFAULT_PROFILE });
      return { file: unit.file, status: 'ok', message: result.message, result: { ...result, personTables: [], agencyTable: null, personTable: null, ledgerTable: null, trainingTable: null } };
    };
    const plain = make();
    expect(plain.result!.people.length).toBeGreaterThan(0);
    expect(plain.result!.findings.length).toBeGreaterThan(0);
    const sent = structuredClone(packCheck(make()));
    // in columns: no person or finding crosses as an object
    expect(sent.columns).toBeDefined();
    expect(sent.result!.people).toEqual([]);
    expect(sent.result!.findings).toEqual([]);
    const back = unpackCheck(sent);
    expect(back).toEqual(plain);
    // the same keys in the same order, and undefined where the engine has undefined
    back.result!.people.forEach((p, i) => expect(Object.entries(p)).toEqual(Object.entries(plain.result!.people[i])));
    back.result!.findings.forEach((x, i) => expect(Object.entries(x)).toEqual(Object.entries(plain.result!.findings[i])));
    const people = back.result!.people;
    expect(new Set(people.map((p) => p.unit)).size).toBe(1);
    // each person's rules its own array (the X rules add to it)
    const withRules = people.filter((p) => p.rules.length);
    expect(withRules.length).toBeGreaterThan(1);
    expect(new Set(withRules.map((p) => p.rules)).size).toBe(withRules.length);
  });

  it('keeps a person\'s findings from other sheets as the same objects as among the findings', () => {
    const unit = demoUnits(checkDate)[2];
    const result = checkWorkbook(gridOfBook(unit.book), { checkDate, profile: DEFAULT_PROFILE });
    const x = result.findings[0];
    result.people[0].elsewhere = [x];
    const back = unpackCheck(structuredClone(packCheck({ file: unit.file, status: 'ok', message: '', result })));
    expect(back.result!.people[0].elsewhere![0]).toBe(back.result!.findings[0]);
  });

  it('sends a check whose objects it does not know the shape of as it is', () => {
    const unit = demoUnits(checkDate)[2];
    const result = checkWorkbook(gridOfBook(unit.book), { checkDate, profile: DEFAULT_PROFILE });
    (result.people[1] as unknown as Record<string, unknown>).extra = 1;
    const sent = structuredClone(packCheck({ file: unit.file, status: 'ok', message: '', result }));
    expect(sent.columns).toBeUndefined();
    expect((unpackCheck(sent).result!.people[1] as unknown as Record<string, unknown>).extra).toBe(1);
  });
});
