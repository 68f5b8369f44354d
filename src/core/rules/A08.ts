import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A08',
    category: 'A',
    colour: 'red',
    title: { zh: '委托行政强制权', en: 'Coercive powers entrusted' },
    action: { zh: '收回被委托的行政强制权', en: 'Take back the coercive powers' },
    source: { zh: '通知三.1（二）', en: 'Notice 3.1 (2)' },
    messages: { coercion: { zh: '委托事项含行政强制，行政强制权不得委托。', en: 'Coercive powers are entrusted; they may never be.' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('entrustsCoercion') === '是') ctx.report({ table: 'agency', rec: a, field: 'entrustsCoercion', messageId: 'coercion' });
    }
  },
};
export default rule;
