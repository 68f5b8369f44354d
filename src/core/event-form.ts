import { Day, dayFromIso, isoFromDay } from './dates';
import { checkWorkbook } from './engine';
import { LEDGER_EVENTS } from './fields';
import { Profile } from './profile';
import { WorkbookGrid } from './types';

/**
 * 登记证件事项 (issue 13): one event of a certificate's life, checked against the roster before it is added
 * as the next row of 证件台账. Earlier rows are never rewritten: the row must go just below the ledger's last
 * one, and only where that row is empty.
 */
export interface EventInput {
  /** YYYY-MM-DD */
  date: string;
  idNumber: string;
  certNumber: string;
  event: string;
  handler: string;
  reference: string;
}

export interface Said {
  zh: string;
  en: string;
}

export type EventPlan =
  | { ok: true; sheet: string; row: number; cells: { col: number; value: string }[]; name: string; said: Said }
  | { ok: false; problems: Said[] };

/** values whose digits must stay text: an 18-digit number typed into Excel or WPS keeps only 15 of them */
export const KEEP_AS_TEXT = /^\d{12,}[\dXx]?$/;

/** events that bring a new number: the roster may still show the old one (L04 wants it different) */
const NEW_NUMBER = new Set(['更换', '补办']);

export function planEvent(grid: WorkbookGrid, input: EventInput, opts: { checkDate: Day; profile?: Profile }): EventPlan {
  const problems: Said[] = [];
  const date = dayFromIso(input.date.trim());
  if (date === null) problems.push({ zh: '日期无效：请按“年-月-日”填写，例如 2024-06-05。', en: 'The date is not valid: write it as YYYY-MM-DD.' });
  else if (date > opts.checkDate) problems.push({ zh: `日期 ${input.date} 晚于今天（${isoFromDay(opts.checkDate)}），事项只能在发生后登记。`, en: `The date ${input.date} is after today: record an event once it has happened.` });
  const event = input.event.trim();
  if (!(LEDGER_EVENTS as readonly string[]).includes(event)) problems.push({ zh: `事项应为 ${LEDGER_EVENTS.join('、')} 之一。`, en: `The event must be one of ${LEDGER_EVENTS.join(', ')}.` });

  const result = checkWorkbook(grid, { checkDate: opts.checkDate, profile: opts.profile });
  const ledger = result.ledgerTable;
  if (!ledger) {
    problems.push({ zh: '工作簿中没有“证件台账”工作表：请先点“插入模板”加入它（或按 docs/ledger.md 的表头自建），再登记。', en: 'The workbook has no 证件台账 (ledger) sheet: insert the template first.' });
    return { ok: false, problems };
  }
  const id = input.idNumber.trim().toUpperCase();
  const person = result.people.find((p) => p.idNumber.trim().toUpperCase() === id);
  if (!id) problems.push({ zh: '请填写身份证号码。', en: 'Enter the ID number.' });
  else if (!person) problems.push({ zh: `执法人员表中没有身份证号码为 ${id} 的人员：请先在花名册中登记此人，或核对号码。`, en: `No one on the staff sheet has the ID number ${id}: add the person to the roster first, or check the number.` });

  const cert = input.certNumber.trim();
  if (person && event !== '申领') {
    const roster = person.certNumber.trim();
    if (!cert) problems.push({ zh: `“${event}”须填写执法证号。`, en: `A ${event} needs the certificate number.` });
    else if (NEW_NUMBER.has(event)) {
      if (roster && cert === roster) problems.push({ zh: `“${event}”应填写新证号，${cert} 是花名册中的原证号。`, en: `A ${event} takes the new number; ${cert} is the old one on the roster.` });
    } else if (roster && cert !== roster) {
      problems.push({ zh: `执法证号 ${cert} 与花名册中此人的证号 ${roster} 不一致，请核对。`, en: `The number ${cert} is not the roster's ${roster} for this person.` });
    }
  }

  // the row below the ledger's last: empty, or the clerk makes room (a 填表人 line is never written over)
  const last = ledger.records[ledger.records.length - 1]?.row ?? Math.max(...ledger.headerRows);
  const row = last + 1;
  const sheet = grid.sheets.find((s) => s.name === ledger.sheet);
  const cells = sheet?.rows[row - 1 - (sheet.top ?? 0)] ?? [];
  if (cells.some((v) => v !== null && v !== undefined && v !== '')) {
    problems.push({ zh: `证件台账第 ${row} 行（表格最后一行下方）已有内容：请先在该处插入一个空行，再登记。`, en: `Row ${row} of the ledger, below its last row, is not empty: insert a blank row there first.` });
  }
  if (problems.length || !person) return { ok: false, problems };

  const seq = ledger.records.length + 1;
  const value: Record<string, string> = {
    seq: String(seq), date: isoFromDay(date!), name: person.name, idNumber: id, certNumber: cert, event, handler: input.handler.trim(), reference: input.reference.trim(),
  };
  const out = Object.entries(ledger.fieldCol).filter(([k]) => value[k] !== undefined && value[k] !== '').map(([k, col]) => ({ col, value: value[k] }));
  return {
    ok: true, sheet: ledger.sheet, row, cells: out, name: person.name,
    said: { zh: `已在“${ledger.sheet}”第 ${row} 行登记：${person.name} ${event}。`, en: `Recorded on ${ledger.sheet} row ${row}: ${person.name}, ${event}.` },
  };
}
