import { Rule } from '../rule';

const rule: Rule = {
  meta: {
    id: 'A05',
    category: 'A',
    colour: 'red',
    title: { zh: '受委托组织无管理公共事务职能', en: 'Entrusted body without public-affairs functions' },
    action: { zh: '终止委托', en: 'End the entrustment' },
    source: { zh: '通知三.1（二）', en: 'Notice 3.1 (2)' },
    messages: { noPublicAffairs: { zh: '受委托组织不具有管理公共事务职能，不得受委托执法。', en: 'The entrusted organisation does not manage public affairs and may not be entrusted.' } },
  },
  check(ctx) {
    for (const a of ctx.agencies) {
      if (a.str('agencyType') === '受委托组织' && a.str('managesPublicAffairs') === '否') ctx.report({ table: 'agency', rec: a, field: 'managesPublicAffairs', messageId: 'noPublicAffairs' });
    }
  },
};
export default rule;
