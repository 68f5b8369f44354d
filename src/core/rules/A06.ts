import { isoFromDay } from '../dates';
import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A06',
    category: 'A',
    colour: 'red',
    variants: { expiring: 'yellow' },
    title: { zh: '委托期限已过或将到期', en: 'Entrustment expired or expiring' },
    action: { zh: '停止受委托执法或及时续签委托', en: 'Stop entrusted enforcement or renew the entrustment' },
    source: { zh: '通知三.1（二）', en: 'Notice 3.1 (2)' },
    messages: {
      expired: { zh: '委托期限已于{end}届满，不得继续以受委托名义执法。', en: 'The entrustment ended on {end}.' },
      expiring: { zh: '委托期限将于{end}届满（{days}天后），请及时续签。', en: 'The entrustment ends on {end} (in {days} days).' },
    },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      const end = a.day('entrustmentEnd');
      if (a.str('agencyType') !== '受委托组织' || end === undefined) continue;
      const days = end - ctx.checkDate;
      if (days < 0) ctx.report({ table: 'agency', rec: a, field: 'entrustmentEnd', messageId: 'expired', data: { end: isoFromDay(end) } });
      else if (days <= ctx.params.entrustmentWarningDays) {
        ctx.report({ table: 'agency', rec: a, field: 'entrustmentEnd', messageId: 'expiring', variant: 'expiring', data: { end: isoFromDay(end), days } });
      }
    }
  },
};
export default rule;
