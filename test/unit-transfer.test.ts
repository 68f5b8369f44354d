import { checkWorkbook, DEFAULT_PROFILE } from '../src/core';
import { dayFromIso } from '../src/core/dates';
import { demoUnits } from '../src/sample/demo';
import { packCheck, unpackCheck } from '../src/xlsx/unit-transfer';
import { UnitCheck } from '../src/xlsx/unit-check';
import { WorkbookGrid } from '../src/core';

const checkDate = dayFromIso('2024-06-05')!;
const gridOfBook = (book: { sheets: { name: string; rows: unknown[][] }[] }): WorkbookGrid => ({ sheets: book.sheets.map((s) => ({ name: s.name, rows: s.rows.map((r) => [...r]) })) } as WorkbookGrid);

describe('a unit\'s check as a worker posts it', () => {
  it('arrives as it was checked, each repeated text one string, and cloned with far fewer strings', () => {
    const unit = demoUnits(checkDate)[2];
    const make = (): UnitCheck => {
      const result = checkWorkbook(gridOfBook(unit.book), { checkDate, profile: DEFAULT_PROFILE });
      return { file: unit.file, status: 'ok', message: result.message, result: { ...result, personTables: [], agencyTable: null, personTable: null, ledgerTable: null, trainingTable: null } };
    };
    const plain = make();
    const sent = structuredClone(packCheck(make()));
    // the repeated fields' strings cloned: once each in the table, not once per person and finding
    const before = plain.result!.people.length * 3 + plain.result!.findings.length * 8;
    expect(sent.texts!.length).toBeLessThan(before / 2);
    expect(sent.result!.people.every((p) => typeof p.unit === 'number')).toBe(true);
    const back = unpackCheck(sent);
    expect(back).toEqual(plain);
    const people = back.result!.people;
    expect(new Set(people.map((p) => p.unit)).size).toBe(1);

  });
});
