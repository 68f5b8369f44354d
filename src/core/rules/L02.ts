import { z } from 'zod';
import { addDays, isoFromDay } from '../dates';
import { LIVE_CERT } from '../fields';
import { LedgerEvent, Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** notice 三.3: 因调离、退休、辞职、辞退离开执法岗位的，要及时收回并注销 */
const LEAVING = ['退休', '调离', '辞职', '辞退'];
/** a certificate in hand now or once: the ones that must be recovered */
const HAD = [...LIVE_CERT, '已注销', '已收回'];
/** events that put a new certificate in hand: a recovery before them was of an older one */
const ISSUE = ['发放', '更换', '补办'];

function checkPerson(p: Person, ctx: RuleContext): void {
  const status = p.employmentStatus;
  const left = p.departureDate;
  if (status === undefined || !LEAVING.includes(status) || left === undefined) return;
  const events = ctx.records!.eventsOf(p);
  if (!HAD.includes(p.certStatus ?? '') && !events.some((e) => e.event === '发放')) return;
  let recovered: LedgerEvent | undefined;
  let cancelled: LedgerEvent | undefined;
  for (const e of events) {
    if (ISSUE.includes(e.event ?? '')) recovered = cancelled = undefined;
    else if (e.event === '收回') recovered = e;
    else if (e.event === '注销') cancelled = e;
  }
  const days = ctx.option<number>('days');
  const due = addDays(left, days);
  const data = { name: p.name ?? '', status, left: isoFromDay(left), days, due: isoFromDay(due) };
  if (recovered && cancelled) {
    const later = recovered.date! >= cancelled.date! ? recovered : cancelled;
    if (later.date! > due) {
      ctx.report({ table: 'ledger', rec: later, field: 'date', person: p, variant: 'late', messageId: 'late',
        data: { ...data, event: later.event!, date: isoFromDay(later.date!) } });
    }
    return;
  }
  const missing = [recovered ? '' : '收回', cancelled ? '' : '注销'].filter(Boolean).join('和');
  const missingEn = [recovered ? '' : 'recovery', cancelled ? '' : 'cancellation'].filter(Boolean).join(' and ');
  const overdue = ctx.checkDate > due;
  // the ledger row where the other event should follow, else the roster's 离岗日期
  const at = recovered ?? cancelled;
  const where = at ? { table: 'ledger' as const, rec: at, field: 'event' } : { table: 'person' as const, rec: p, field: 'departureDate' };
  ctx.report({ ...where, person: p, variant: overdue ? undefined : 'pending', messageId: overdue ? 'overdue' : 'pending',
    data: { ...data, missing, missingEn } });
}

const rule: Rule = {
  meta: {
    id: 'L02',
    category: 'L',
    colour: 'red',
    variants: { pending: 'yellow', late: 'yellow' },
    title: { zh: '离岗人员证件未及时收回并注销', en: 'Departed staff: certificate not promptly recovered and cancelled' },
    action: { zh: '收回并注销证件，在证件台账中登记', en: 'Recover and cancel the certificate and record both in the ledger' },
    source: { zh: '通知三.3（离开执法岗位的，要及时收回并注销）、三.2（二）', en: 'Notice 3.3, 3.2 (2)' },
    messages: {
      overdue: {
        zh: '{name}于{left}{status}，已超过离岗后{days}天的期限（{due}），台账中仍无{missing}记录。',
        en: '{name} left ({status}) on {left}; {days} days have passed ({due}) and the ledger still has no {missingEn}.',
      },
      pending: {
        zh: '{name}于{left}{status}，台账中尚无{missing}记录，应在{due}前（离岗后{days}天内）办理。',
        en: '{name} left ({status}) on {left}; the ledger has no {missingEn} yet; due by {due} ({days} days).',
      },
      late: {
        zh: '{name}于{left}{status}，{date}才{event}，超过离岗后{days}天的期限（{due}）。',
        en: '{name} left ({status}) on {left}; the {event} of {date} came after the {days}-day limit ({due}).',
      },
    },
    options: [{
      key: 'days',
      title: { zh: '离岗后收回、注销证件的期限（天）', en: 'Days after departure to recover and cancel the certificate' },
      default: 30,
      schema: z.number().int().min(0).max(3650),
    }],
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
