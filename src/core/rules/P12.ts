import { isoFromDay } from '../dates';
import { Person } from '../record';
import { eachPerson, Rule, RuleContext } from '../rule';

/** The rule on one person: called for each, by eachPerson. */
function checkPerson(p: Person, ctx: RuleContext): void {
  const expiry = p.expiryDate;
  if (expiry === undefined || !p.live) return;
  const days = expiry - ctx.checkDate;
  if (days >= 0 && days <= ctx.params.expiryWarningDays) {
    ctx.report({ table: 'person', rec: p, field: 'expiryDate', messageId: 'soon', data: { expiry: isoFromDay(expiry), days } });
  }
}

const rule: Rule = {
  meta: {
    id: 'P12',
    category: 'P',
    colour: 'yellow',
    title: { zh: '证件即将到期', en: 'Certificate about to expire' },
    action: { zh: '及时换证', en: 'Renew in time' },
    source: { zh: '推定（参照山东到期预警）', en: 'Inferred (Shandong expiry warning)' },
    messages: {
      soon: { zh: '证件将于{expiry}到期（{days}天后），请及时换证。', en: 'The certificate expires on {expiry} (in {days} days).' },
    },
  },
  check(ctx) {
    eachPerson(ctx, checkPerson);
  },
};
export default rule;
