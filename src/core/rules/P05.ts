import { isoFromDay } from '../dates';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const expiry = p.expiryDate;
  if (expiry !== undefined && expiry < ctx.checkDate && p.live) {
    ctx.report({ table: 'person', rec: p, field: 'expiryDate', messageId: 'expired', data: { expiry: isoFromDay(expiry) } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P05',
    category: 'P',
    colour: 'red',
    title: { zh: '证件已过期', en: 'Certificate expired' },
    action: { zh: '停止执法，注销或重新申领', en: 'Stop enforcing; cancel or apply again' },
    source: { zh: '推定', en: 'Inferred' },
    messages: {
      expired: { zh: '证件已于{expiry}过期，不得继续执法。', en: 'The certificate expired on {expiry}.' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
