import { isoFromDay } from '../dates';
import { LedgerEvent, Person } from '../record';
import { Rule, RuleContext } from '../rule';
import { compact } from '../text';

function checkStory(key: string, events: LedgerEvent[], ctx: RuleContext): void {
  let current: string | undefined;
  let person: Person | undefined;
  for (const e of events) {
    const n = e.certNumber;
    if (e.event === '更换') {
      person ??= ctx.records!.personOf(key);
      if (n === undefined) {
        ctx.report({ table: 'ledger', rec: e, field: 'certNumber', person, messageId: 'missing', data: { date: isoFromDay(e.date!) } });
      } else if (current !== undefined && compact(n) === current) {
        ctx.report({ table: 'ledger', rec: e, field: 'certNumber', person, messageId: 'same', data: { date: isoFromDay(e.date!), value: n } });
      }
    }
    if (n !== undefined) current = compact(n);
  }
}

const rule: Rule = {
  meta: {
    id: 'L04',
    category: 'L',
    colour: 'yellow',
    title: { zh: '更换证件未登记新证号', en: 'Replacement without a new certificate number' },
    action: { zh: '在该行填写换发后新证件的执法证号', en: 'Enter the new certificate number on the row' },
    source: { zh: '通知三.3（证件更换全流程管理）', en: 'Notice 3.3 (certificate replacement)' },
    messages: {
      missing: { zh: '{date}「更换」未填写新证件的执法证号。', en: 'The replacement of {date} has no new certificate number.' },
      same: { zh: '{date}「更换」登记的执法证号「{value}」与原证号相同，应填写换发后的新证号。', en: 'The replacement of {date} records the old number "{value}"; enter the new one.' },
    },
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    for (const [key, events] of ctx.records!.eventsByPerson()) checkStory(key, events, ctx);
  },
};
export default rule;
