import { isoFromDay } from '../dates';
import { hoursText } from '../ledger';
import { LedgerEvent, Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/**
 * How the county's review is recorded (docs/ledger.md): a ledger row of the person from the transfer to the
 * reissue whose 文号或说明 speaks of the review (审核), and not of a failed or pending one.
 */
const REVIEWED = /审核/;
const NOT_PASSED = /未通过|不通过|不予|未审核|待审核|审核中/;
const reviewed = (e: LedgerEvent): boolean => {
  const r = e.reference;
  return r !== undefined && REVIEWED.test(r) && !NOT_PASSED.test(r);
};
/** notice 三.3: 新执法领域专业执法业务培训 */
const NEW_FIELD = '行政执法业务';

function checkPerson(p: Person, ctx: RuleContext): void {
  const since = p.transferInDate;
  if (since === undefined) return;
  const events = ctx.records!.eventsOf(p);
  for (const e of events) {
    if (e.event !== '发放' || e.date! < since) continue;
    const min = ctx.params.transferTrainingHours;
    const courses = ctx.records!.trainingOf(p);
    // the records, when there are any for the person; otherwise the roster's 新领域培训学时
    let hours = 0;
    const fromRecords = courses.length > 0;
    for (const t of courses) {
      const d = t.date;
      if (d !== undefined && d >= since && d <= e.date! && t.category === NEW_FIELD) hours += t.hours ?? 0;
    }
    if (!fromRecords) hours = p.newFieldTrainingHours ?? 0;
    if (hours < min) {
      const source = fromRecords ? '培训记录中' : '执法人员表填报的';
      const sourceEn = fromRecords ? 'training records' : 'roster';
      ctx.report({ table: 'ledger', rec: e, field: 'date', person: p, messageId: 'hours',
        data: { date: isoFromDay(e.date!), since: isoFromDay(since), hours: hoursText(hours), min, source, sourceEn } });
    }
    let ok = false;
    for (const r of events) if (r.date! >= since && r.date! <= e.date! && reviewed(r)) ok = true;
    if (!ok) ctx.report({ table: 'ledger', rec: e, field: 'reference', person: p, messageId: 'review', data: { date: isoFromDay(e.date!), since: isoFromDay(since) } });
  }
}

const rule: Rule = {
  meta: {
    id: 'L05',
    category: 'L',
    colour: 'yellow',
    title: { zh: '调入人员换发证件前未完成新领域培训或县司法局审核', en: 'Transferred-in holder reissued without new-field training or the county review' },
    action: { zh: '补足不少于20学时新执法领域业务培训，报县司法局审核，并在台账“文号或说明”中登记审核文号', en: 'Complete 20 hours of new-field training, pass the county review and record its reference in the ledger' },
    source: { zh: '通知三.3（由新执法机关完成不少于20学时的新执法领域专业执法业务培训，经县司法局审核后可予换发证件）', en: 'Notice 3.3' },
    messages: {
      hours: {
        zh: '{since}调入后于{date}发放证件，但{source}调入后至发放前的行政执法业务培训只有{hours}学时，不足{min}学时。',
        en: 'Transferred in on {since} and issued a certificate on {date}, but the {sourceEn} show only {hours} h of enforcement training in between, below {min} h.',
      },
      review: {
        zh: '{since}调入后于{date}发放证件，台账中没有县司法局审核的记录（在“文号或说明”中写明审核情况和文号，如“经县司法局审核，柞司审〔2024〕12号”）。',
        en: 'Transferred in on {since} and issued a certificate on {date}, with no county review in the ledger (write it in 文号或说明).',
      },
    },
  },
  check(ctx) {
    if (ctx.ledger.length === 0) return;
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
