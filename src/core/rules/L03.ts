import { isoFromDay } from '../dates';
import { LedgerEvent } from '../record';
import { Rule, RuleContext } from '../rule';

/** events that need a certificate issued before them */
const NEED_ISSUE = ['挂失', '更换', '补办', '暂扣', '恢复', '注销', '收回', '年审'];
/** after 收回 only the cancellation of that certificate, or a new application or issue, may follow */
const AFTER_RECOVERY = ['注销', '申领', '发放'];

function checkStory(key: string, events: LedgerEvent[], ctx: RuleContext): void {
  const person = ctx.records!.personOf(key);
  let issued = false;
  let recovered: LedgerEvent | undefined;
  for (const e of events) {
    const ev = e.event;
    if (ev === undefined) continue;
    if (recovered && !AFTER_RECOVERY.includes(ev)) {
      ctx.report({ table: 'ledger', rec: e, field: 'event', person, messageId: 'afterRecovery',
        data: { event: ev, date: isoFromDay(e.date!), recovered: isoFromDay(recovered.date!), row: recovered.row } });
    } else if (!issued && NEED_ISSUE.includes(ev)) {
      ctx.report({ table: 'ledger', rec: e, field: 'event', person, messageId: 'beforeIssue', data: { event: ev, date: isoFromDay(e.date!) } });
    }
    if (ev === '发放') {
      issued = true;
      recovered = undefined;
    } else if (ev === '收回') recovered = e;
  }
}

const rule: Rule = {
  meta: {
    id: 'L03',
    category: 'L',
    colour: 'yellow',
    title: { zh: '台账事项顺序不对', en: 'Ledger events out of order' },
    action: { zh: '核对日期，补登发放记录或更正事项', en: 'Check the dates; record the issue or correct the event' },
    source: { zh: '通知三.3（证件申领、发放、更换、挂失、注销和回收全流程管理）', en: 'Notice 3.3 (the certificate life cycle)' },
    messages: {
      beforeIssue: {
        zh: '{date}「{event}」之前台账中没有该人员的“发放”记录；建立台账时请先补登原证件的发放。',
        en: '"{event}" on {date} comes before any "发放" (issue) of this person; record the original issue first.',
      },
      afterRecovery: {
        zh: '证件已于{recovered}收回（第{row}行），之后又登记了{date}「{event}」；收回后只能注销或重新申领、发放。',
        en: 'The certificate was recovered on {recovered} (row {row}), yet "{event}" follows on {date}; after recovery only cancellation or a new issue may follow.',
      },
    },
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    for (const [key, events] of ctx.records!.eventsByPerson()) checkStory(key, events, ctx);
  },
};
export default rule;
