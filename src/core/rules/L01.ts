import { isoFromDay } from '../dates';
import { LedgerEvent, Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The 证件状态 each event leaves (年审 leaves it as it was). */
const STATUS_AFTER: Record<string, string> = {
  申领: '申领中', 发放: '正常', 更换: '正常', 补办: '正常', 恢复: '正常', 挂失: '挂失', 暂扣: '暂扣', 注销: '已注销', 收回: '已收回',
};
/** after 注销 or 收回 the roster may say either: the other usually follows on the same file */
const ENDED = ['已注销', '已收回'];

function checkPerson(p: Person, ctx: RuleContext): void {
  const status = p.certStatus;
  if (status === undefined) return;
  const events = ctx.records!.eventsOf(p);
  let last: LedgerEvent | undefined;
  for (let i = events.length - 1; i >= 0 && !last; i--) if (events[i].event !== undefined && events[i].event! in STATUS_AFTER) last = events[i];
  if (!last) return;
  const expected = STATUS_AFTER[last.event!];
  const ok = ENDED.includes(expected) ? ENDED.includes(status) : status === expected;
  if (ok) return;
  ctx.report({ table: 'ledger', rec: last, field: 'event', person: p, messageId: 'mismatch',
    data: { date: isoFromDay(last.date!), event: last.event!, expected: ENDED.includes(expected) ? '已注销或已收回' : expected, status, row: p.row, sheet: p.sheet } });
}

const rule: Rule = {
  meta: {
    id: 'L01',
    category: 'L',
    colour: 'yellow',
    title: { zh: '证件状态与台账最后一项不符', en: 'Certificate status disagrees with the last ledger event' },
    action: { zh: '核实后更正执法人员表的证件状态或补登台账', en: 'Check, then correct the roster status or complete the ledger' },
    source: { zh: '通知三.3（建立证件动态管理台账，全流程管理）', en: 'Notice 3.3 (certificate ledger)' },
    messages: {
      mismatch: {
        zh: '台账最后一项为{date}「{event}」，证件应为「{expected}」，但「{sheet}」第{row}行的证件状态为「{status}」。',
        en: 'The last ledger event is "{event}" on {date}, so the certificate should be "{expected}", but row {row} of "{sheet}" says "{status}".',
      },
    },
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
