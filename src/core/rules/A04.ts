import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A04',
    category: 'A',
    colour: 'red',
    title: { zh: '受委托组织缺委托依据或委托机关', en: 'Entrusted body without basis or entrusting body' },
    action: { zh: '补齐委托依据和委托手续', en: 'Complete the entrustment basis and papers' },
    source: { zh: '通知三.1（二）', en: 'Notice 3.1 (2)' },
    messages: {
      missing: { zh: '受委托组织未填写「{field}」，委托手续不完备。', en: 'The entrusted organisation has no "{field}".' },
    },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('agencyType') !== '受委托组织') continue;
      for (const key of ['entrustmentBasis', 'entrustingAgency']) {
        if (a.empty(key)) ctx.report({ table: 'agency', rec: a, field: key, messageId: 'missing' });
      }
    }
  },
};
export default rule;
